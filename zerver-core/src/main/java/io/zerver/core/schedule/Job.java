package io.zerver.core.schedule;

/**
 * A unit of step work the scheduler runs: exactly one of {@link #run}, {@link #shed} or
 * {@link #expire} is called, once.
 */
public interface Job {

    Priority priority();

    /** The deadline of the job's request, on the scheduler's ticker. */
    long deadlineNanos();

    /** Whether the job's request went away; a cancelled job is dropped silently. */
    default boolean isCancelled() {
        return false;
    }

    /** Runs the job; {@code queuedNanos} is how long it waited (0 on the fast path). */
    void run(long queuedNanos);

    /** The queue was full: the job's request must answer 503 at once. */
    void shed();

    /** The deadline passed before the job could start: its request must answer 504 at once. */
    void expire();
}
