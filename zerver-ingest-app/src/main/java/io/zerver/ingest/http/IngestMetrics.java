package io.zerver.ingest.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The ingest's meters, all registered up front so the request path only increments:
 * {@value #LATENCY} (timer, tag {@value #OUTCOME}), {@value #IN_FLIGHT} (gauge),
 * {@value #REJECTIONS} (counter, tag {@value #REASON}), {@value #REPLIES} (counter, tag
 * {@value #STATUS}: {@code 2xx}..) and, once a link client is bound, {@value #RECONNECTS} and
 * {@value #HAND_OFFS}.
 */
public final class IngestMetrics {

    static final String LATENCY = "zerver.ingest.link.latency";
    static final String IN_FLIGHT = "zerver.ingest.in.flight";
    static final String REJECTIONS = "zerver.ingest.rejections";
    static final String REPLIES = "zerver.ingest.replies";
    static final String RECONNECTS = "zerver.ingest.link.reconnects";
    static final String HAND_OFFS = "zerver.ingest.link.handoffs";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String STATUS = "status";

    /** How an exchange over the link ended. */
    enum Outcome {
        /** The supervisor answered with a response. */
        RESPONSE,
        /** The supervisor answered with an error frame. */
        ERROR,
        /** No connection could carry it. */
        UNAVAILABLE,
        /** The request's deadline passed first. */
        DEADLINE,
        /** The link client failed otherwise. */
        FAILURE,
        /** The client went away first; the exchange was cancelled. */
        CANCELLED;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Outcome, Timer> latency = new EnumMap<>(Outcome.class);
    private final Map<Rejection, Counter> rejections = new EnumMap<>(Rejection.class);
    private final Counter[] replies = new Counter[5];
    /** The suppliers behind the link's function counters, which Micrometer holds only weakly. */
    @SuppressWarnings("unused")
    private volatile List<LongSupplier> linkCounts = List.of();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
        for (Outcome outcome : Outcome.values()) {
            latency.put(outcome, Timer.builder(LATENCY)
                    .description("Time from sending a request over the link to its reply")
                    .tag(OUTCOME, outcome.tag).register(registry));
        }
        for (Rejection rejection : Rejection.values()) {
            rejections.put(rejection, Counter.builder(REJECTIONS)
                    .description("Requests answered by the ingest without being forwarded")
                    .tag(REASON, rejection.reason()).register(registry));
        }
        for (int family = 1; family <= 5; family++) {
            replies[family - 1] = Counter.builder(REPLIES).description("Responses written, by status family")
                    .tag(STATUS, family + "xx").register(registry);
        }
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Requests sent over the link and not yet answered").register(registry);
    }

    /**
     * Publishes the link client's reconnect count as {@value #RECONNECTS} and its count of
     * requests handed to another thread to cross the link as {@value #HAND_OFFS}.
     */
    public void bindLink(LongSupplier reconnects, LongSupplier handOffs) {
        requireNonNull(reconnects, "reconnects");
        requireNonNull(handOffs, "handOffs");
        this.linkCounts = List.of(reconnects, handOffs);
        FunctionCounter.builder(RECONNECTS, reconnects, LongSupplier::getAsLong)
                .description("Connections to the supervisor re-established after a loss").register(registry);
        FunctionCounter.builder(HAND_OFFS, handOffs, LongSupplier::getAsLong)
                .description("Requests sent over a link connection of another thread than the one that read them")
                .register(registry);
    }

    /** Requests sent over the link and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    void exchangeStarted() {
        inFlight.incrementAndGet();
    }

    void exchangeEnded(Outcome outcome, long startNanos) {
        inFlight.decrementAndGet();
        latency.get(outcome).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void rejected(Rejection rejection) {
        rejections.get(rejection).increment();
    }

    void replied(int status) {
        int family = status / 100;
        if (family >= 1 && family <= 5) {
            replies[family - 1].increment();
        }
    }
}
