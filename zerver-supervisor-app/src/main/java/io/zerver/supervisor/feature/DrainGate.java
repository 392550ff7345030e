package io.zerver.supervisor.feature;

import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The requests running on one feature version, and its drain. Admits requests until it is
 * closed; once {@linkplain #drain() draining}, the exit of the last request closes it and
 * completes {@link #drained()} (at once when none runs), so whoever waits for the drain is told,
 * never polls. {@link #abandon()} closes it whatever still runs.
 */
final class DrainGate {

    /** No request is admitted any more. */
    private static final int CLOSED = Integer.MIN_VALUE;
    /** Set beside the count once the version drains: the count reaching zero closes the gate. */
    private static final int DRAINING = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();
    private final Sinks.Empty<Void> drained = Sinks.empty();
    private final Sinks.Empty<Void> abandoned = Sinks.empty();

    /** Admits one request, unless the gate is closed. Pair with {@link #exit()}. */
    boolean tryEnter() {
        for (;;) {
            int s = state.get();
            if (s == CLOSED) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** One admitted request finished; the last one of a draining gate closes it. */
    void exit() {
        for (;;) {
            int s = state.get();
            if (s == CLOSED || (s & ~DRAINING) == 0) {
                return; // abandoned meanwhile: nothing left to count
            }
            int next = s - 1;
            if (next == DRAINING) {
                if (state.compareAndSet(s, CLOSED)) {
                    drained.tryEmitEmpty();
                    return;
                }
            } else if (state.compareAndSet(s, next)) {
                return;
            }
        }
    }

    /** Starts draining: the gate closes when the last running request exits, now if none runs. */
    void drain() {
        for (;;) {
            int s = state.get();
            if (s == CLOSED || (s & DRAINING) != 0) {
                return;
            }
            if (s == 0) {
                if (state.compareAndSet(0, CLOSED)) {
                    drained.tryEmitEmpty();
                    return;
                }
            } else if (state.compareAndSet(s, s | DRAINING)) {
                return;
            }
        }
    }

    /**
     * Closes the gate whatever runs, and tells the running requests through {@link #abandoned()}.
     *
     * @return how many requests were running
     */
    int abandon() {
        int s = state.getAndSet(CLOSED);
        abandoned.tryEmitEmpty();
        return s == CLOSED ? 0 : s & ~DRAINING;
    }

    /** Completes when a draining gate closed with no request left. */
    Mono<Void> drained() {
        return drained.asMono();
    }

    /** Completes when the gate was closed on running requests. */
    Mono<Void> abandoned() {
        return abandoned.asMono();
    }

    /** Requests running now. */
    int inFlight() {
        int s = state.get();
        return s == CLOSED ? 0 : s & ~DRAINING;
    }
}
