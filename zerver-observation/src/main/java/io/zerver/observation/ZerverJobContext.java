package io.zerver.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.Observation;

/** A job promoted to its own observation because it waited too long before it ran. */
public class ZerverJobContext extends Observation.Context {

    /** Where a job waited. */
    public enum Wait {
        /** In the scheduler's queue, for a free slot. */
        QUEUE,
        /** Parked, because its request went over its CPU budget. */
        PARK;

        /** The lower-case name used in keys. */
        public String label() {
            return this == QUEUE ? "queue" : "park";
        }
    }

    private final String job;
    private final Wait wait;
    private final long waitNanos;

    public ZerverJobContext(String job, Wait wait, long waitNanos) {
        this.job = requireNonNull(job, "job");
        this.wait = requireNonNull(wait, "wait");
        this.waitNanos = waitNanos;
    }

    /** What the job runs, as the timeline names it: {@code step} (or {@code effect}). */
    public String job() {
        return job;
    }

    public Wait waitKind() {
        return wait;
    }

    /** How long the job waited before it ran. */
    public long waitNanos() {
        return waitNanos;
    }
}
