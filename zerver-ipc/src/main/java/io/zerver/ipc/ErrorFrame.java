package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

/**
 * A request that got no response, or (id 0) a connection-level protocol error.
 *
 * @param id the id of the request this answers, 0 for the connection itself
 * @param code why
 * @param message a short human-readable reason, never user data
 */
public record ErrorFrame(long id, ErrorCode code, String message) implements Reply {

    public ErrorFrame {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }
}
