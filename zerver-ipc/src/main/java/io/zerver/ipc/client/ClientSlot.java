package io.zerver.ipc.client;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.zerver.ipc.internal.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;

/**
 * One place in the pool: keeps one connection open, and when it is lost (or cannot be made)
 * tries again after a delay that doubles up to the maximum, with jitter. A slot given an event
 * loop keeps its connection on that loop.
 */
final class ClientSlot {

    private static final System.Logger LOG = System.getLogger(ClientSlot.class.getName());

    private final PooledLinkClient client;
    private final LinkClientOptions options;
    private final @Nullable EventLoop loop;

    private volatile @Nullable ClientConnection current;
    private volatile @Nullable ClientConnection attempt;
    private int failures;
    private boolean everReady;

    ClientSlot(PooledLinkClient client, LinkClientOptions options, @Nullable EventLoop loop) {
        this.client = client;
        this.options = options;
        this.loop = loop;
    }

    /** Whether the calling thread is this slot's event loop (never, for a slot without one). */
    boolean runsOnCurrentThread() {
        EventLoop own = loop;
        return own != null && own.inEventLoop();
    }

    /** The slot's connection if new requests may go to it. */
    @Nullable ClientConnection usable() {
        ClientConnection c = current;
        return c != null && c.usable() ? c : null;
    }

    int inFlight() {
        ClientConnection c = current;
        return c == null ? 0 : c.inFlight();
    }

    void connect() {
        if (client.isClosed()) {
            return;
        }
        Path path = options.socket();
        TcpClient tcp = TcpClient.newConnection()
                .remoteAddress(() -> Transport.address(path))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis());
        // A loop shut down under the client (its owner stopped it) leaves the slot on the default loops.
        EventLoop own = loop;
        (own == null || own.isShuttingDown() ? tcp : tcp.runOn(own)).connect()
                .subscribe(connection -> {
                    ClientConnection c = new ClientConnection(connection, this, options.maxFrameBytes());
                    attempt = c;
                    c.start(options.maxFrameBytes());
                    connection.channel().eventLoop().schedule(() -> {
                        if (attempt == c) {
                            LOG.log(System.Logger.Level.WARNING, "link: no hello from the supervisor on " + path
                                    + " within " + options.connectTimeout().toMillis() + " ms");
                            c.close();
                        }
                    }, options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
                    if (client.isClosed()) {
                        c.close();
                    }
                }, error -> {
                    LOG.log(System.Logger.Level.DEBUG, () -> "link: cannot connect to " + path + ": " + error);
                    retry();
                });
    }

    void ready(ClientConnection c) {
        synchronized (this) {
            attempt = null;
            current = c;
            failures = 0;
            if (everReady) {
                client.reconnected();
                LOG.log(System.Logger.Level.INFO, "link: reconnected to the supervisor on " + options.socket());
            }
            everReady = true;
        }
        if (client.isClosed()) {
            c.close();
        }
    }

    void draining(ClientConnection c) {
        LOG.log(System.Logger.Level.INFO, "link: the supervisor on " + options.socket()
                + " is draining a connection; no new requests go to it");
    }

    void closed(ClientConnection c) {
        boolean wasReady;
        synchronized (this) {
            if (attempt == c) {
                attempt = null;
            }
            wasReady = current == c;
            if (wasReady) {
                current = null;
            }
        }
        if (wasReady && !client.isClosed()) {
            LOG.log(System.Logger.Level.WARNING, "link: lost a connection to the supervisor on " + options.socket()
                    + "; reconnecting in the background");
        }
        retry();
    }

    void close() {
        ClientConnection c = current;
        if (c != null) {
            c.close();
        }
        ClientConnection a = attempt;
        if (a != null) {
            a.close();
        }
    }

    void lateReply() {
        client.lateReply();
    }

    void protocolError() {
        client.protocolError();
    }

    private void retry() {
        if (client.isClosed()) {
            return;
        }
        Duration delay;
        synchronized (this) {
            delay = backoff(failures++);
        }
        Mono.delay(delay).subscribe(tick -> connect());
    }

    /** {@code min * 2^failures}, capped at max, then between half and all of it at random. */
    private Duration backoff(int failures) {
        long min = options.minBackoff().toNanos();
        long max = options.maxBackoff().toNanos();
        long ceiling = failures >= 30 ? max : Math.min(max, min << failures);
        if (ceiling < 0) {
            ceiling = max;
        }
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofNanos(jittered);
    }
}
