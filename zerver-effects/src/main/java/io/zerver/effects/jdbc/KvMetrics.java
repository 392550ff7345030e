package io.zerver.effects.jdbc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zerver.core.error.ZerverException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The key/value store's meters: {@value #IN_FLIGHT}, the operations subscribed to and not
 * yet finished (queued ones included), and {@value #OPERATIONS}, a timer per operation
 * tagged {@code op} (get, put, delete, scan) and {@code outcome} (success, cancelled, or the
 * error kind in lower case: not_found, conflict, upstream_unavailable, overloaded, ...).
 */
final class KvMetrics {

    static final String IN_FLIGHT = "zerver.db.in_flight";
    static final String OPERATIONS = "zerver.db.operations";

    /** The tag keys of {@value #OPERATIONS}. */
    enum Tag {
        OP("op"), OUTCOME("outcome");

        final String key;

        Tag(String key) {
            this.key = key;
        }
    }

    private final @Nullable MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    KvMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
        if (registry != null) {
            Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                    .description("DB key/value operations subscribed to and not finished, queued ones included")
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Counts an operation in flight until the returned sample is stopped. */
    Sample start(String op) {
        inFlight.incrementAndGet();
        return new Sample(op, System.nanoTime());
    }

    int inFlight() {
        return inFlight.get();
    }

    static String outcomeOf(Throwable error) {
        return error instanceof ZerverException z ? z.error().kind().name().toLowerCase(Locale.ROOT) : "error";
    }

    /** One operation being timed; stopping it more than once counts once. */
    final class Sample {

        private final String op;
        private final long start;
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Sample(String op, long start) {
            this.op = op;
            this.start = start;
        }

        void stop(String outcome) {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            inFlight.decrementAndGet();
            if (registry != null) {
                Timer.builder(OPERATIONS)
                        .description("DB key/value operations, from subscription to answer")
                        .tag(Tag.OP.key, op)
                        .tag(Tag.OUTCOME.key, outcome)
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }
}
