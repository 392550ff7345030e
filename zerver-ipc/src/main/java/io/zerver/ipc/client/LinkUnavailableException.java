package io.zerver.ipc.client;

/** No connection to the supervisor could carry the request (down, draining, or lost mid-way). */
public final class LinkUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkUnavailableException(String message) {
        super(message);
    }

    public LinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
