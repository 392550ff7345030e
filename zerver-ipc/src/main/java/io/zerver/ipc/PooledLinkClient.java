package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 */
public final class PooledLinkClient implements LinkClient {

    private final LinkClientOptions options;
    private final ClientSlot[] slots;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private volatile boolean closed;

    private PooledLinkClient(LinkClientOptions options) {
        this.options = options;
        this.slots = new ClientSlot[options.poolSize()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ClientSlot(this, options);
        }
    }

    /** Starts connecting in the background and returns at once; see {@link #isConnected()}. */
    public static PooledLinkClient connect(LinkClientOptions options) {
        requireNonNull(options, "options");
        PooledLinkClient client = new PooledLinkClient(options);
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
            connection.send(request, sink);
        });
    }

    @Override
    public boolean isConnected() {
        return pick() != null;
    }

    /** Open connections, requests in flight, reconnects, protocol errors and dropped late replies. */
    public LinkStats stats() {
        int open = 0;
        int inFlight = 0;
        for (ClientSlot slot : slots) {
            if (slot.usable() != null) {
                open++;
            }
            inFlight += slot.inFlight();
        }
        return new LinkStats(open, inFlight, reconnects.get(), protocolErrors.get(), lateReplies.get());
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
