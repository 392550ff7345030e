package io.zerver.ipc;

/** A liveness probe; the peer answers with a {@link Pong} carrying the same nonce. */
public record Ping(long nonce) implements Frame {
}
