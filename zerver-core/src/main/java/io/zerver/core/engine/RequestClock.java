package io.zerver.core.engine;

import java.util.function.LongSupplier;

/**
 * A request's time on the engine's ticker: when it started, when its deadline passes, and
 * how far it is from both. Timeline events are stamped with {@link #elapsed()}.
 */
final class RequestClock {

    private final LongSupplier ticker;
    private final long startNanos;
    private final long deadlineNanos;

    RequestClock(LongSupplier ticker, long startNanos, long deadlineNanos) {
        this.ticker = ticker;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** Now, on the engine's ticker. */
    long now() {
        return ticker.getAsLong();
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Nanoseconds since the request started, now. */
    long elapsed() {
        return now() - startNanos;
    }

    /** Nanoseconds since the request started, at {@code nanos} on the engine's ticker. */
    long elapsedAt(long nanos) {
        return nanos - startNanos;
    }

    /** Nanoseconds left before the deadline; zero or negative once it passed. */
    long remainingNanos() {
        return deadlineNanos - now();
    }
}
