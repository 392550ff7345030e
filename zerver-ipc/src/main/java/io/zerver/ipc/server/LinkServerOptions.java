package io.zerver.ipc.server;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import io.zerver.ipc.internal.codec.FrameCodec;
import java.time.Duration;

/**
 * How a {@link LinkServer} serves its socket. A value out of range is refused with an
 * {@link InvalidValueException} naming the component and what it accepts.
 *
 * @param maxFrameBytes the largest frame accepted from a client, announced in the handshake: 1024 to
 *     2147483639 (the largest array)
 * @param handshakeTimeout how long a new connection may take to send its {@link io.zerver.ipc.Hello}
 */
public record LinkServerOptions(int maxFrameBytes, Duration handshakeTimeout) {

    public LinkServerOptions {
        if (maxFrameBytes < 1024) {
            throw new InvalidValueException("maxFrameBytes", maxFrameBytes, ">= 1024");
        }
        if (maxFrameBytes > FrameCodec.LARGEST_MAX_FRAME_BYTES) {
            throw new InvalidValueException("maxFrameBytes", maxFrameBytes, "<= " + FrameCodec.LARGEST_MAX_FRAME_BYTES);
        }
        requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new InvalidValueException("handshakeTimeout", handshakeTimeout, "> 0");
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
