package io.zerver.effects.jdbc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The outcome of each error kind: its name in lower case. */
    private static final String[] ERROR_OUTCOMES = outcomes();

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

    /** The meters of operation {@code op}; their timers are registered on first use and looked up once. */
    Operation operation(String op) {
        return new Operation(op);
    }

    /** Counts an operation in flight until the returned sample is stopped. */
    Sample start(Operation operation) {
        inFlight.incrementAndGet();
        return new Sample(operation, System.nanoTime());
    }

    int inFlight() {
        return inFlight.get();
    }

    static String outcomeOf(Throwable error) {
        return error instanceof ZerverException z ? ERROR_OUTCOMES[z.error().kind().ordinal()] : "error";
    }

    private static String[] outcomes() {
        ErrorKind[] kinds = ErrorKind.values();
        String[] names = new String[kinds.length];
        for (ErrorKind kind : kinds) {
            names[kind.ordinal()] = kind.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }

    /** One operation ({@code get}, {@code put}, ...): its timer per outcome, registered when first needed. */
    final class Operation {

        private final String op;
        private final Map<String, Timer> timers = new ConcurrentHashMap<>();

        private Operation(String op) {
            this.op = op;
        }

        private void record(String outcome, long nanos) {
            if (registry == null) {
                return;
            }
            Timer timer = timers.get(outcome);
            if (timer == null) {
                timer = timers.computeIfAbsent(outcome, o -> Timer.builder(OPERATIONS)
                        .description("DB key/value operations, from subscription to answer")
                        .tag(Tag.OP.key, op)
                        .tag(Tag.OUTCOME.key, o)
                        .register(registry));
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** One operation being timed; stopping it more than once counts once. */
    final class Sample {

        private final Operation operation;
        private final long start;
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Sample(Operation operation, long start) {
            this.operation = operation;
            this.start = start;
        }

        /** Stops with outcome {@code success}; answers {@code value}. */
        <T> T succeeded(T value) {
            stop("success");
            return value;
        }

        /** Stops with the outcome of {@code error}; answers {@code error}. */
        Throwable failed(Throwable error) {
            stop(outcomeOf(error));
            return error;
        }

        void cancelled() {
            stop("cancelled");
        }

        void stop(String outcome) {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            inFlight.decrementAndGet();
            operation.record(outcome, System.nanoTime() - start);
        }
    }
}
