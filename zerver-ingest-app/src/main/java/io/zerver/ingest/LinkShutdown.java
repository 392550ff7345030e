package io.zerver.ingest;

import io.zerver.ingest.http.IngestMetrics;
import io.zerver.ipc.client.LinkClient;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the link last. Its phase is below the web server's, so on shutdown Boot first stops
 * accepting and drains the requests in flight (graceful shutdown), then stops the server, and only
 * then does this wait for any exchange still pending (none outlives its deadline) and close the
 * link client.
 */
final class LinkShutdown implements SmartLifecycle {

    /** After {@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}: stops after the server. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

    private static final Log LOG = LogFactory.getLog(LinkShutdown.class);

    private final LinkClient link;
    private final IngestMetrics metrics;
    private final Duration drainTimeout;
    private volatile boolean running;

    LinkShutdown(LinkClient link, IngestMetrics metrics, Duration drainTimeout) {
        this.link = link;
        this.metrics = metrics;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        long until = System.nanoTime() + drainTimeout.toNanos();
        while (metrics.inFlight() > 0 && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (metrics.inFlight() > 0) {
            LOG.warn(metrics.inFlight() + " exchange(s) still pending after " + drainTimeout + ": closing the link");
        }
        link.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
