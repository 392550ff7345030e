package io.zerver.ipc;

/**
 * The handshake: the first frame each side sends on a new connection. A peer that receives a
 * version it does not speak answers with a protocol error and closes the connection.
 *
 * @param version the protocol version the sender speaks
 * @param maxFrameBytes the largest frame the sender accepts
 */
public record Hello(int version, int maxFrameBytes) implements Frame {

    /**
     * The protocol version this build speaks. Version 2 carries a request's client address as
     * typed bytes (family, IP, port) where version 1 carried {@code host:port} text.
     */
    public static final int CURRENT_VERSION = 2;

    public Hello {
        if (version < 1) {
            throw new IllegalArgumentException("version: " + version + " (expected: >= 1)");
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: >= 1024)");
        }
    }
}
