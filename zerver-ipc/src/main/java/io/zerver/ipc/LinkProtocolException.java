package io.zerver.ipc;

/**
 * Bytes on the link that break the protocol: a frame too long, truncated or malformed, an
 * unknown type, a version this build does not speak, or a frame too large to send to the peer.
 * A connection that receives such bytes answers {@code ErrorFrame(0, PROTOCOL, message)} and
 * closes; other connections are unaffected.
 */
public final class LinkProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkProtocolException(String message) {
        super(message);
    }

    public LinkProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
