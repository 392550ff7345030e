package io.zerver.core.engine;

/**
 * The thread CPU time a request's steps used so far, and whether it went over its budget.
 * Added to by the thread running its steps; read by the scheduler's threads.
 */
final class CpuUsage {

    private long nanos;
    private volatile boolean overBudget;

    /** Adds CPU time used by the request's steps; returns the total. */
    long add(long used) {
        nanos += used;
        return nanos;
    }

    long nanos() {
        return nanos;
    }

    boolean overBudget() {
        return overBudget;
    }

    void markOverBudget() {
        overBudget = true;
    }
}
