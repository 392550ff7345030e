package io.zerver.supervisor.link;

import io.zerver.core.config.InvalidValueException;
import io.zerver.ipc.server.LinkHandler;
import io.zerver.ipc.server.LinkServer;
import io.zerver.ipc.server.LinkServerOptions;
import io.zerver.ipc.LinkStats;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Opens the link once the features are loaded and drains it before they are closed: on stop,
 * the ingest is told to send nothing new, the requests in flight get up to the drain timeout
 * to be answered, then the socket closes and its file is removed.
 */
public final class LinkServerLifecycle implements SmartLifecycle {

    /** After the feature registry starts; stops (drains) before it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Log log = LogFactory.getLog(LinkServerLifecycle.class);

    private final Path socket;
    private final LinkHandler handler;
    private final LinkServerOptions options;
    private final Duration drainTimeout;
    private volatile @Nullable LinkServer server;

    /**
     * @param drainTimeout how long the requests in flight get when the link stops: 0 or more
     *     ({@link InvalidValueException} otherwise)
     */
    public LinkServerLifecycle(Path socket, LinkHandler handler, LinkServerOptions options, Duration drainTimeout) {
        if (drainTimeout.isNegative()) {
            throw new InvalidValueException("drainTimeout", drainTimeout, ">= 0");
        }
        this.socket = socket;
        this.handler = handler;
        this.options = options;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public void start() {
        server = LinkServer.bind(socket, handler, options);
        log.info("Link listening on " + socket.toAbsolutePath());
    }

    @Override
    public void stop() {
        LinkServer s = server;
        if (s != null) {
            log.info("Draining the link (up to " + drainTimeout + ")");
            s.drain(drainTimeout);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The socket path, whether or not it is bound. */
    public Path socket() {
        return socket;
    }

    /** The link's counters, or null while it is not serving. */
    public @Nullable LinkStats stats() {
        LinkServer s = server;
        return s == null ? null : s.stats();
    }
}
