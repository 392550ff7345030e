package io.zerver.samples.blog;

import org.jspecify.annotations.Nullable;

/**
 * The validated fields of a post body; a null field is left as it is.
 *
 * @param title the new title
 * @param content the new text
 * @param author the new author
 */
record PostChanges(@Nullable String title, @Nullable String content, @Nullable String author) {
}
