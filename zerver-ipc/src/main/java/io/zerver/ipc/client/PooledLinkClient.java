package io.zerver.ipc.client;

import static java.util.Objects.requireNonNull;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.zerver.ipc.LinkStats;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A {@link LinkClient} over a small pool of connections to the supervisor's socket.
 *
 * <p>Each request goes to the open connection with the fewest requests in flight (ties taken in
 * turn) under a fresh id; replies complete their exchange on that connection's event loop.
 * With no connection up, {@link #exchange} fails at once with {@link LinkUnavailableException};
 * lost connections are re-established in the background (delays double from the minimum to the
 * maximum backoff, jittered), and a connection the supervisor drains takes no new requests.
 *
 * <p>Connected {@linkplain #connect(LinkClientOptions, EventLoopGroup) with an event-loop group}
 * (the ingest passes its HTTP server's), the pool holds one connection per loop of the group, each
 * running on its loop. A request sent from one of those loops goes over that loop's own
 * connection: the frame is written and the reply read on the caller's thread, with no hand-off to
 * another thread and no wake-up on either way. Requests from other threads, or from a loop whose
 * connection is down, take the least loaded open connection as usual.
 */
public final class PooledLinkClient implements LinkClient {

    private final LinkClientOptions options;
    private final ClientSlot[] slots;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private final LongAdder handOffs = new LongAdder();
    private volatile boolean closed;

    private PooledLinkClient(LinkClientOptions options, List<@Nullable EventLoop> loops) {
        this.options = options;
        this.slots = new ClientSlot[loops.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ClientSlot(this, options, loops.get(i));
        }
    }

    /**
     * Starts {@code options.poolSize()} connections in the background, on Reactor Netty's default
     * TCP loops, and returns at once; see {@link #isConnected()}.
     */
    public static PooledLinkClient connect(LinkClientOptions options) {
        requireNonNull(options, "options");
        List<@Nullable EventLoop> loops = new ArrayList<>();
        for (int i = 0; i < options.poolSize(); i++) {
            loops.add(null);
        }
        return start(new PooledLinkClient(options, loops));
    }

    /**
     * Starts one connection per event loop of {@code group}, each running on its loop (the pool
     * size of {@code options} does not apply), and returns at once. A request sent from one of
     * those loops goes over the loop's own connection while it is up.
     */
    public static PooledLinkClient connect(LinkClientOptions options, EventLoopGroup group) {
        requireNonNull(options, "options");
        requireNonNull(group, "group");
        List<@Nullable EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            if (!(executor instanceof EventLoop loop)) {
                throw new IllegalArgumentException("not an event loop: " + executor + " in " + group);
            }
            loops.add(loop);
        }
        if (loops.isEmpty() || loops.size() > 256) {
            throw new IllegalArgumentException(group + " has " + loops.size() + " event loops (expected: 1..256)");
        }
        return start(new PooledLinkClient(options, loops));
    }

    private static PooledLinkClient start(PooledLinkClient client) {
        for (ClientSlot slot : client.slots) {
            slot.connect();
        }
        return client;
    }

    @Override
    public Mono<Reply> exchange(RequestFrame request) {
        requireNonNull(request, "request");
        return Mono.create(sink -> {
            ClientConnection connection = pick();
            if (connection == null) {
                sink.error(new LinkUnavailableException("no connection to the supervisor on " + options.socket()
                        + " is up" + (closed ? " (client closed)" : "")));
                return;
            }
            if (!connection.runsOnCurrentThread()) {
                handOffs.increment();
            }
            connection.send(request, sink);
        });
    }

    @Override
    public boolean isConnected() {
        return pick() != null;
    }

    /** Open connections, requests in flight, reconnects, protocol errors, dropped late replies, hand-offs. */
    public LinkStats stats() {
        int open = 0;
        int inFlight = 0;
        for (ClientSlot slot : slots) {
            if (slot.usable() != null) {
                open++;
            }
            inFlight += slot.inFlight();
        }
        return new LinkStats(open, inFlight, reconnects.get(), protocolErrors.get(), lateReplies.get(),
                handOffs.sum());
    }

    @Override
    public void close() {
        closed = true;
        for (ClientSlot slot : slots) {
            slot.close();
        }
    }

    boolean isClosed() {
        return closed;
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    void protocolError() {
        protocolErrors.incrementAndGet();
    }

    void lateReply() {
        lateReplies.incrementAndGet();
    }

    private @Nullable ClientConnection pick() {
        if (closed) {
            return null;
        }
        for (ClientSlot slot : slots) {
            if (slot.runsOnCurrentThread()) {
                ClientConnection own = slot.usable();
                if (own != null) {
                    return own;
                }
                break;
            }
        }
        int start = Math.floorMod(turn.getAndIncrement(), slots.length);
        ClientConnection best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (int i = 0; i < slots.length; i++) {
            ClientConnection c = slots[(start + i) % slots.length].usable();
            if (c != null && c.inFlight() < bestLoad) {
                best = c;
                bestLoad = c.inFlight();
            }
        }
        return best;
    }
}
