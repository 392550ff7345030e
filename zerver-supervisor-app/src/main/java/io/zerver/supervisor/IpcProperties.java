package io.zerver.supervisor;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ipc.SocketPaths;
import io.zerver.ipc.server.LinkServerOptions;
import io.zerver.supervisor.link.LinkServerLifecycle;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;
import reactor.core.publisher.Mono;

/**
 * The link to the ingest ({@code zerver.ipc.*}): the supervisor's one binding of the prefix. A
 * socket path it could not bind fails binding with the reason ({@link SocketPaths}' rules for a
 * server); the other values are checked at binding against {@link LinkServerOptions} and
 * {@link LinkServerLifecycle}, naming the property, the value and what is expected.
 */
@ConfigurationProperties("zerver.ipc")
public class IpcProperties implements CoreChecked {

    /** The ranges are the link's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator
            .of(IpcProperties.class, ipc -> SupervisorConfiguration.linkServerLifecycle(ipc, request -> Mono.empty()))
            .field("maxFrameBytes", "maxFrameSize").expected("maxFrameSize", "1KB to 2147483639B");

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

    @Override
    public Validator coreChecks() {
        return CORE;
    }

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
        this.maxFrameSize = maxFrameSize;
    }

    public Duration getDrainTimeout() {
        return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }
}
