package io.zerver.core.error;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** An exception carrying a {@link ZerverError}; effect handlers fail with it. */
public class ZerverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ZerverError error;

    public ZerverException(ZerverError error) {
        this(error, null);
    }

    public ZerverException(ZerverError error, @Nullable Throwable cause) {
        super(error.toString(), cause);
        this.error = requireNonNull(error, "error");
    }

    public ZerverException(ErrorKind kind, String what, String key) {
        this(ZerverError.of(kind, what, key));
    }

    public ZerverError error() {
        return error;
    }
}
