package io.zerver.ipc.server;

import static java.util.Objects.requireNonNull;

import io.zerver.ipc.internal.codec.FrameCodec;
import java.time.Duration;

/**
 * How a {@link LinkServer} serves its socket.
 *
 * @param maxFrameBytes the largest frame accepted from a client, announced in the handshake
 * @param handshakeTimeout how long a new connection may take to send its {@link io.zerver.ipc.Hello}
 */
public record LinkServerOptions(int maxFrameBytes, Duration handshakeTimeout) {

    public LinkServerOptions {
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: >= 1024)");
        }
        requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout: " + handshakeTimeout + " (expected: > 0)");
        }
    }

    /** 16 MiB frames, 5 seconds to say hello. */
    public static LinkServerOptions defaults() {
        return new LinkServerOptions(FrameCodec.DEFAULT_MAX_FRAME_BYTES, Duration.ofSeconds(5));
    }

    public LinkServerOptions withMaxFrameBytes(int maxFrameBytes) {
        return new LinkServerOptions(maxFrameBytes, handshakeTimeout);
    }

    public LinkServerOptions withHandshakeTimeout(Duration handshakeTimeout) {
        return new LinkServerOptions(maxFrameBytes, handshakeTimeout);
    }
}
