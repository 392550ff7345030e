package io.zerver.core.engine;

import io.zerver.core.error.ZerverError;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * How far a request's pipeline got: the steps it ran and the needs it asked (numbered from
 * 1 for the timeline), the effects in flight now, and the error of its last need.
 */
final class Progress {

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile @Nullable ZerverError lastError;
    private int steps;
    private int needs;

    /** The number of the request's next step run, from 1. Called only by the thread running its steps. */
    int nextStep() {
        return ++steps;
    }

    /** The number of the request's next need, from 1. Called only by the thread running its steps. */
    int nextNeed() {
        return ++needs;
    }

    /** The request's effects in flight, retries and compensations included. */
    AtomicInteger inFlight() {
        return inFlight;
    }

    @Nullable ZerverError lastError() {
        return lastError;
    }

    /** The error of the need that just settled, or null when it had none. */
    void lastError(@Nullable ZerverError error) {
        this.lastError = error;
    }
}
