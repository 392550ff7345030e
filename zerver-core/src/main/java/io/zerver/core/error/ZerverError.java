package io.zerver.core.error;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A domain error: a kind (which sets the status), a {@code what} (the domain: "todo",
 * "auth", "db"), a {@code key} (an id or a reason) and, for a body that failed validation, what
 * is wrong with each field ({@code fields}, else empty).
 */
public record ZerverError(ErrorKind kind, String what, String key, List<FieldError> fields) {

    public ZerverError {
        requireNonNull(kind, "kind");
        requireNonNull(what, "what");
        requireNonNull(key, "key");
        fields = List.copyOf(fields);
    }

    public ZerverError(ErrorKind kind, String what, String key) {
        this(kind, what, key, List.of());
    }

    public static ZerverError of(ErrorKind kind, String what, String key) {
        return new ZerverError(kind, what, key);
    }

    /** InvalidInput ({@code what}, {@code key}) listing what is wrong with each field. */
    public static ZerverError invalidFields(String what, String key, List<FieldError> fields) {
        return new ZerverError(ErrorKind.INVALID_INPUT, what, key, fields);
    }

    public int status() {
        return kind.status();
    }

    @Override
    public String toString() {
        return kind.label() + "(" + what + ", " + key + ")";
    }
}
