package io.zerver.ipc;

/** The answer to a {@link Ping}. */
public record Pong(long nonce) implements Frame {
}
