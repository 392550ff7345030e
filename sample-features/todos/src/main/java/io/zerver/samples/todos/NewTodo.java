package io.zerver.samples.todos;

import org.jspecify.annotations.Nullable;

/**
 * A todo about to be created.
 *
 * @param todo the todo to store
 * @param idempotencyKey the storage-level idempotency key of its write, when the client sent
 *        {@code Idempotency-Key}; a repeat then answers what the first request stored
 */
record NewTodo(Todo todo, @Nullable String idempotencyKey) {
}
