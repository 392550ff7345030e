package io.zerver.samples.todos;

import org.jspecify.annotations.Nullable;

/**
 * The validated fields of a request body; a null field is left as it is.
 *
 * @param title the new title, already checked
 * @param done the new state
 */
record TodoChanges(@Nullable String title, @Nullable Boolean done) {
}
