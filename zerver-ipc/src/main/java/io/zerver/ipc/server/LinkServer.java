package io.zerver.ipc.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelOption;
import io.zerver.ipc.LinkStats;
import io.zerver.ipc.internal.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * The supervisor's end of the link: serves a {@link LinkHandler} on a Unix domain socket.
 *
 * <p>The socket file is owner-only ({@code 0600}). A stale file left by a dead process is
 * replaced; a path on which a live server answers is never taken over. Each connection carries
 * many requests at once: the handler is called for each as it arrives (on the connection's event
 * loop, so it must not block) and each reply is written as soon as it completes, in any order.
 * The link stamps a response's processing time (frame read to reply ready). Malformed input
 * closes only the connection that sent it, after an {@code ErrorFrame(0, PROTOCOL, reason)} and
 * one log line.
 */
public final class LinkServer implements AutoCloseable {

    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    private final SocketFile socketFile;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Set once bound; connections may arrive (and call back here) before that. */
    private volatile @Nullable DisposableServer server;

    private LinkServer(SocketFile socketFile) {
        this.socketFile = socketFile;
    }

    /**
     * Binds {@code socket} and starts serving {@code handler}.
     *
     * @throws LinkBindException when the path is taken by a live server, is not a socket, is too
     *     long, or cannot be bound
     */
    public static LinkServer bind(Path socket, LinkHandler handler, LinkServerOptions options) {
        requireNonNull(socket, "socket");
        requireNonNull(handler, "handler");
        requireNonNull(options, "options");
        SocketFile file = SocketFile.claim(socket);
        LinkServer link = new LinkServer(file);
        Path temporary = file.temporary();
        try {
            TcpServer tcp = TcpServer.create().bindAddress(() -> Transport.address(temporary));
            if (Transport.isNative()) {
                // a client that shuts its output down mid-frame still hears why it is dropped,
                // and one that shuts it down cleanly still gets the replies in flight
                tcp = tcp.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            }
            link.server = tcp
                    .handle((in, out) -> {
                        ServerConnection[] served = new ServerConnection[1];
                        in.withConnection(c -> served[0] = new ServerConnection(c, handler, options, link));
                        return served[0].serve();
                    })
                    .bindNow(BIND_TIMEOUT);
        } catch (RuntimeException e) {
            SocketFile.deleteQuietly(temporary);
            throw new LinkBindException("cannot bind " + file.path() + ": " + e.getMessage(), e);
        }
        try {
            file.publish(temporary);
        } catch (LinkBindException e) {
            link.stopAccepting();
            throw e;
        }
        return link;
    }

    /** The socket file this server answers on. */
    public Path socket() {
        return socketFile.path();
    }

    /** Connections, requests being handled, and protocol errors so far. */
    public LinkStats stats() {
        int open = 0;
        int inFlight = 0;
        for (ServerConnection c : connections) {
            if (c.handshaken()) {
                open++;
            }
            inFlight += c.inFlight();
        }
        return new LinkStats(open, inFlight, 0, protocolErrors.get(), 0, 0);
    }

    /**
     * Shuts down gracefully: stops accepting, deletes the socket file (if still ours), sends
     * {@link io.zerver.ipc.Drain} on every connection, waits up to {@code gracePeriod} for the requests in
     * flight to be answered, then closes whatever is left. Blocks until done.
     */
    public void drain(Duration gracePeriod) {
        requireNonNull(gracePeriod, "gracePeriod");
        if (!stopAccepting()) {
            return;
        }
        List<ServerConnection> open = List.copyOf(connections);
        open.forEach(ServerConnection::drain);
        try {
            Mono.when(open.stream().map(ServerConnection::onClose).toList()).block(gracePeriod);
        } catch (IllegalStateException timedOut) {
            // grace period over: what is still open is closed below
        }
        closeAll();
    }

    /** Closes at once: stops accepting, deletes the socket file (if still ours), drops every connection. */
    public void disposeNow() {
        stopAccepting();
        closeAll();
    }

    /** Same as {@link #disposeNow()}. */
    @Override
    public void close() {
        disposeNow();
    }

    void accepted(ServerConnection connection) {
        connections.add(connection);
        if (stopped.get()) {
            connection.drain();
        }
    }

    void disconnected(ServerConnection connection) {
        connections.remove(connection);
    }

    void protocolError() {
        protocolErrors.incrementAndGet();
    }

    private boolean stopAccepting() {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        DisposableServer bound = server;
        if (bound != null) {
            bound.disposeNow();
        }
        socketFile.deleteIfOurs();
        return true;
    }

    private void closeAll() {
        List<ServerConnection> open = List.copyOf(connections);
        open.forEach(ServerConnection::close);
        Mono.when(open.stream().map(ServerConnection::onClose).toList()).block(Duration.ofSeconds(5));
    }
}
