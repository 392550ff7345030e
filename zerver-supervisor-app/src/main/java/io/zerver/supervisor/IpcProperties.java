package io.zerver.supervisor;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ipc.SocketPaths;
import io.zerver.ipc.server.LinkServerOptions;
import io.zerver.supervisor.link.LinkServerLifecycle;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;
import reactor.core.publisher.Mono;

/**
 * The link to the ingest ({@code zerver.ipc.*}): the supervisor's one binding of the prefix. A
 * socket path it could not bind fails binding with the reason ({@link SocketPaths}' rules for a
 * server); the other values are checked at binding against {@link LinkServerOptions} and
 * {@link LinkServerLifecycle}, naming the property, the value and what is expected.
 *
 * @param socket The Unix domain socket the supervisor listens on (created owner-only). At most 107
 *     bytes once made absolute, in a directory of at most 95 bytes (the socket is bound
 *     under a temporary name there first).
 * @param maxFrameSize The largest frame accepted from the ingest, announced in the handshake: room for a
 *     request's headers next to the ingest's largest body (16 MiB by default). From 1KB to
 *     2147483639B.
 * @param drainTimeout How long in-flight requests get to finish when the supervisor stops. 0 or more.
 */
@ConfigurationProperties("zerver.ipc")
public record IpcProperties(@DefaultValue("/tmp/zerver.sock") Path socket, @DefaultValue("17MB") DataSize maxFrameSize,
        @DefaultValue("20s") Duration drainTimeout) implements CoreChecked {

    /** The ranges are the link's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator
            .of(IpcProperties.class, ipc -> SupervisorConfiguration.linkServerLifecycle(ipc, request -> Mono.empty()))
            .field("maxFrameBytes", "maxFrameSize").expected("maxFrameSize", "1KB to 2147483639B");

    /** A socket path the supervisor could not bind fails binding, naming the path and the reason. */
    public IpcProperties {
        String problem = SocketPaths.serverProblem(socket);
        if (problem != null) {
            throw new IllegalArgumentException("socket: " + socket + " (" + problem + ")");
        }
    }

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
