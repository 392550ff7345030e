package io.zerver.ipc.server;

/**
 * The supervisor could not serve the link on its socket path: the path is too long, is not a
 * socket, another live server answers on it (never taken over), or the bind itself failed.
 */
public final class LinkBindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkBindException(String message) {
        super(message);
    }

    public LinkBindException(String message, Throwable cause) {
        super(message, cause);
    }
}
