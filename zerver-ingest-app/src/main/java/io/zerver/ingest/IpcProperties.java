package io.zerver.ingest;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.ipc.SocketPaths;
import io.zerver.ipc.client.LinkClientOptions;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Where the link to the supervisor is (docs/deployment.md). Read by the link transport's client
 * bean. Checked at binding: the ranges against {@link LinkClientOptions}, the socket path against
 * {@link SocketPaths}' rules for a client.
 *
 * @param socket The Unix domain socket the supervisor listens on. An absolute path of at most 107 bytes.
 * @param maxFrameSize The largest frame accepted from the supervisor, announced in the handshake. Leaves room for
 *     a response's headers next to a body as large as the biggest request body. From 1KB to
 *     2147483639B.
 * @param eventLoopConnections One connection to the supervisor per HTTP event loop, running on that loop: a request is
 *     written to the link and its reply read on the thread that read the request, with no hand-off
 *     between threads. When false, pool-size connections on Reactor Netty's TCP loops.
 * @param poolSize How many connections to the supervisor to keep open when event-loop-connections is
 *     false; each carries many requests at once. From 1 to 64.
 */
@ConfigurationProperties("zerver.ipc")
public record IpcProperties(@DefaultValue("/tmp/zerver.sock") Path socket, @DefaultValue("17MB") DataSize maxFrameSize,
        @DefaultValue("true") boolean eventLoopConnections, @DefaultValue("2") int poolSize) implements CoreChecked {

    /** The ranges are {@link LinkClientOptions}': see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator
            .of(IpcProperties.class, LinkClientAutoConfiguration::options).field("maxFrameBytes", "maxFrameSize")
            .expected("maxFrameSize", "1KB to 2147483639B").and(IpcProperties::checkSocket);

    @Override
    public Validator coreChecks() {
        return CORE;
    }

    private static void checkSocket(IpcProperties ipc, Errors errors) {
        String problem = SocketPaths.clientProblem(ipc.socket);
        if (problem != null) {
            errors.rejectValue("socket", "path", ipc.socket + " (" + problem + "; expected: an absolute path of at most "
                    + SocketPaths.MAX_BYTES + " bytes)");
        }
    }
}
