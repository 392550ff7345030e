package io.zerver.ingest;

import io.zerver.ipc.Header;
import io.zerver.ipc.client.LinkClient;
import io.zerver.ipc.client.LinkUnavailableException;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The link's far end as the ingest's tests need it: a {@link LinkClient} (the boundary this module
 * does not own) that records every request forwarded to it and answers as the test scripts. By
 * default it echoes: 200, the request's body, its method in {@code X-Echo-Method}.
 */
final class RecordingLinkClient implements LinkClient {

    static final Function<RequestFrame, Mono<Reply>> ECHO = request -> Mono.just(new ResponseFrame(request.id(), 200,
            List.of(new Header("Content-Type", "application/octet-stream"),
                    new Header("X-Echo-Method", request.method())),
            request.body(), 5));

    private final List<RequestFrame> forwarded = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger cancelled = new AtomicInteger();
    private volatile Function<RequestFrame, Mono<Reply>> script = ECHO;
    private volatile boolean connected = true;
    private volatile long closedAtNanos;

    @Override
    public Mono<Reply> exchange(RequestFrame request) {
        if (!connected || closedAtNanos != 0) {
            return Mono.error(new LinkUnavailableException("no connection to the supervisor"));
        }
        RequestFrame numbered = request.withId(ids.incrementAndGet());
        forwarded.add(numbered);
        return script.apply(numbered).doOnCancel(cancelled::incrementAndGet);
    }

    @Override
    public boolean isConnected() {
        return connected && closedAtNanos == 0;
    }

    @Override
    public void close() {
        if (closedAtNanos == 0) {
            closedAtNanos = System.nanoTime();
        }
    }

    void answer(Function<RequestFrame, Mono<Reply>> script) {
        this.script = script;
    }

    void connected(boolean connected) {
        this.connected = connected;
    }

    List<RequestFrame> forwarded() {
        return forwarded;
    }

    int cancelled() {
        return cancelled.get();
    }

    /** When {@link #close()} was first called ({@link System#nanoTime()}), 0 while open. */
    long closedAtNanos() {
        return closedAtNanos;
    }

    void reset() {
        forwarded.clear();
        cancelled.set(0);
        script = ECHO;
        connected = true;
    }
}
