package io.zerver.core.error;

import static java.util.Objects.requireNonNull;

/**
 * A domain error: a kind (which sets the status), a {@code what} (the domain: "todo",
 * "auth", "db") and a {@code key} (an id or a reason).
 */
public record ZerverError(ErrorKind kind, String what, String key) {

    public ZerverError {
        requireNonNull(kind, "kind");
        requireNonNull(what, "what");
        requireNonNull(key, "key");
    }

    public static ZerverError of(ErrorKind kind, String what, String key) {
        return new ZerverError(kind, what, key);
    }

    public int status() {
        return kind.status();
    }

    @Override
    public String toString() {
        return kind.label() + "(" + what + ", " + key + ")";
    }
}
