package io.zerver.core.error;

/** The closed set of error kinds, each with the HTTP status it answers with. */
public enum ErrorKind {
    INVALID_INPUT("InvalidInput", 400),
    UNAUTHORIZED("Unauthorized", 401),
    FORBIDDEN("Forbidden", 403),
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    CONFLICT("Conflict", 409),
    PAYLOAD_TOO_LARGE("PayloadTooLarge", 413),
    /** Well-formed, but not acceptable in the current state (an Idempotency-Key reused with another body). */
    UNPROCESSABLE_CONTENT("UnprocessableContent", 422),
    TOO_MANY_REQUESTS("TooManyRequests", 429),
    INTERNAL("Internal", 500),
    UPSTREAM_UNAVAILABLE("UpstreamUnavailable", 502),
    OVERLOADED("Overloaded", 503),
    TIMEOUT("Timeout", 504);

    private final String label;
    private final int status;

    ErrorKind(String label, int status) {
        this.label = label;
        this.status = status;
    }

    /** The name used on the wire, for example {@code "NotFound"}. */
    public String label() {
        return label;
    }

    public int status() {
        return status;
    }

    /** Whether an effect that failed with this kind may succeed when tried again. */
    public boolean isTransient() {
        return this == TIMEOUT || this == UPSTREAM_UNAVAILABLE || this == OVERLOADED
                || this == TOO_MANY_REQUESTS;
    }
}
