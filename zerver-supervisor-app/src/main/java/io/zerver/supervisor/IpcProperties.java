package io.zerver.supervisor;

import io.zerver.ipc.SocketPaths;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The link to the ingest ({@code zerver.ipc.*}): the supervisor's one binding of the prefix. A
 * socket path it could not bind, or a value out of range, fails binding with the reason.
 */
@ConfigurationProperties("zerver.ipc")
public class IpcProperties {

    /**
     * The Unix domain socket the supervisor listens on (created owner-only). At most 107
     * bytes once made absolute, in a directory of at most 95 bytes (the socket is bound
     * under a temporary name there first).
     */
    private Path socket = Path.of("/tmp/zerver.sock");

    /**
     * The largest frame accepted from the ingest, announced in the handshake: room for a
     * request's headers next to the ingest's largest body (16 MiB by default). From 1KB to
     * 2147483639B.
     */
    private DataSize maxFrameSize = DataSize.ofMegabytes(17);

    /** How long in-flight requests get to finish when the supervisor stops. 0 or more. */
    private Duration drainTimeout = Duration.ofSeconds(20);

    public Path getSocket() {
        return socket;
    }

    public void setSocket(Path socket) {
        String problem = SocketPaths.serverProblem(socket);
        if (problem != null) {
            throw new IllegalArgumentException("socket: " + socket + " (" + problem + ")");
        }
        this.socket = socket;
    }

    public DataSize getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(DataSize maxFrameSize) {
        if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max-frame-size: " + maxFrameSize + " (expected: 1KB to 2147483639B)");
        }
        this.maxFrameSize = maxFrameSize;
    }

    public Duration getDrainTimeout() {
        return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drain-timeout: " + drainTimeout + " (expected: >= 0)");
        }
        this.drainTimeout = drainTimeout;
    }
}
