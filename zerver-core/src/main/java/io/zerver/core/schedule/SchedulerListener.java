package io.zerver.core.schedule;

/**
 * Hears what the scheduler does, for metrics. Called on the scheduler's hot path: keep it
 * to counter increments and timer records.
 */
public interface SchedulerListener {

    /** A job had to wait; {@code depth} jobs are now queued. */
    default void queued(Priority priority, int depth) {
    }

    /** A queued job started after {@code waitNanos}. */
    default void dequeued(Priority priority, long waitNanos) {
    }

    /** A job was refused or evicted because the queue was full. */
    default void shed(Priority priority) {
    }

    /** A queued job was dropped because its deadline passed before it could start. */
    default void expired(Priority priority) {
    }

    /** A request went over its CPU budget. */
    default void budgetExceeded(OverBudget action) {
    }

    /** A parked job resumed after {@code waitNanos}. */
    default void parked(long waitNanos) {
    }

    static SchedulerListener none() {
        return new SchedulerListener() {
        };
    }
}
