package io.zerver.core.error;

import static java.util.Objects.requireNonNull;

/**
 * What is wrong with one field of a request body: its path ({@code title},
 * {@code items[2].quantity}) and a message for the client ({@code must not be blank}).
 */
public record FieldError(String field, String message) {

    public FieldError {
        requireNonNull(field, "field");
        requireNonNull(message, "message");
    }
}
