package io.zerver.ipc.client;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import io.zerver.ipc.internal.codec.FrameCodec;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link PooledLinkClient} reaches the supervisor. A value out of range is refused with an
 * {@link InvalidValueException} naming the component and what it accepts.
 *
 * @param socket the supervisor's socket file
 * @param poolSize how many connections to keep open: 1 to 64
 * @param connectTimeout how long one connection attempt, handshake included, may take
 * @param maxFrameBytes the largest frame accepted from the supervisor, announced in the handshake: 1024
 *     to 2147483639 (the largest array)
 * @param minBackoff the first delay before reconnecting a lost connection
 * @param maxBackoff the longest delay between reconnection attempts (each delay doubles, jittered)
 */
public record LinkClientOptions(Path socket, int poolSize, Duration connectTimeout, int maxFrameBytes,
        Duration minBackoff, Duration maxBackoff) {

    public LinkClientOptions {
        requireNonNull(socket, "socket");
        if (poolSize < 1 || poolSize > 64) {
            throw new InvalidValueException("poolSize", poolSize, "1..64");
        }
        positive(connectTimeout, "connectTimeout");
        if (maxFrameBytes < 1024) {
            throw new InvalidValueException("maxFrameBytes", maxFrameBytes, ">= 1024");
        }
        if (maxFrameBytes > FrameCodec.LARGEST_MAX_FRAME_BYTES) {
            throw new InvalidValueException("maxFrameBytes", maxFrameBytes, "<= " + FrameCodec.LARGEST_MAX_FRAME_BYTES);
        }
        positive(minBackoff, "minBackoff");
        positive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new InvalidValueException("maxBackoff", maxBackoff, ">= minBackoff " + minBackoff);
        }
    }

    /** Two connections, 1 s to connect, 16 MiB frames, reconnecting after 50 ms up to 2 s. */
    public static LinkClientOptions of(Path socket) {
        return new LinkClientOptions(socket, 2, Duration.ofSeconds(1), FrameCodec.DEFAULT_MAX_FRAME_BYTES,
                Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public LinkClientOptions withPoolSize(int poolSize) {
        return new LinkClientOptions(socket, poolSize, connectTimeout, maxFrameBytes, minBackoff, maxBackoff);
    }

    public LinkClientOptions withConnectTimeout(Duration connectTimeout) {
        return new LinkClientOptions(socket, poolSize, connectTimeout, maxFrameBytes, minBackoff, maxBackoff);
    }

    public LinkClientOptions withMaxFrameBytes(int maxFrameBytes) {
        return new LinkClientOptions(socket, poolSize, connectTimeout, maxFrameBytes, minBackoff, maxBackoff);
    }

    public LinkClientOptions withBackoff(Duration minBackoff, Duration maxBackoff) {
        return new LinkClientOptions(socket, poolSize, connectTimeout, maxFrameBytes, minBackoff, maxBackoff);
    }

    private static void positive(Duration d, String name) {
        requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidValueException(name, d, "> 0");
        }
    }
}
