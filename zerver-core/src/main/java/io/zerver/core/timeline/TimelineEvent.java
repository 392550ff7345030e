package io.zerver.core.timeline;

import io.zerver.core.error.ZerverError;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Layer;
import io.zerver.core.flow.Mode;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened while a request ran. {@code at} is nanoseconds since the
 * request arrived, on the engine's ticker.
 */
public sealed interface TimelineEvent {

    long at();

    /** A step began. */
    record StepStarted(long at, String step, Layer layer, int sequence) implements TimelineEvent {
    }

    /** A step returned (outcome: continue, need, done, fail, error). */
    record StepEnded(long at, String step, Layer layer, int sequence, String outcome, long durationNanos)
            implements TimelineEvent {
    }

    /** A step threw; the exception is logged and kept here, never sent to the client. */
    record StepThrew(long at, String step, String exception, @Nullable String message) implements TimelineEvent {
    }

    /**
     * A step asked for effects. {@code need} numbers the request's needs from 1; the
     * effects of this need carry the same number.
     */
    record NeedScheduled(long at, String step, Mode mode, Join join, int effects, int need)
            implements TimelineEvent {

        /** A need without a number (0). */
        public NeedScheduled(long at, String step, Mode mode, Join join, int effects) {
            this(at, step, mode, join, effects, 0);
        }
    }

    /**
     * An attempt of an effect began. {@code need} is the number of the need that declared
     * it ({@link NeedScheduled#need()}), 0 for a compensation; {@code timeoutNanos} the
     * effect's own timeout per attempt (the request's deadline may cut it shorter);
     * {@code detail} what exactly it touches: the URL of an HTTP call (without user info),
     * the key of a cache or DB effect, the prefix of a scan, the path of a file effect,
     * null for a compute task.
     */
    record EffectStarted(long at, int index, String kind, String target, @Nullable String slot, boolean required,
            int attempt, int need, long timeoutNanos, @Nullable String detail) implements TimelineEvent {

        /** An attempt without need, timeout or detail (0, 0, null). */
        public EffectStarted(long at, int index, String kind, String target, @Nullable String slot,
                boolean required, int attempt) {
            this(at, index, kind, target, slot, required, attempt, 0, 0, null);
        }
    }

    /**
     * An attempt of an effect ended. Outcome: {@code ok}, an error kind label, or
     * {@code cancelled}; {@code reason} is the handler's own key for a failure
     * ({@code status_503}, {@code circuit_open}, a storage key), kept here and never sent
     * to the client. {@code bytes} is the size of the result: UTF-8 bytes of text, bytes
     * of a body, entries of a list.
     */
    record EffectEnded(long at, int index, String kind, String target, @Nullable String slot, boolean required,
            int attempt, long durationNanos, long bytes, String outcome, @Nullable String reason, boolean background,
            int need) implements TimelineEvent {

        /** An attempt's end without a need number (0). */
        public EffectEnded(long at, int index, String kind, String target, @Nullable String slot, boolean required,
                int attempt, long durationNanos, long bytes, String outcome, @Nullable String reason,
                boolean background) {
            this(at, index, kind, target, slot, required, attempt, durationNanos, bytes, outcome, reason, background,
                    0);
        }
    }

    /** A retry was not made: its delay plus timeout would pass the deadline, or it was a write without a key. */
    record RetrySkipped(long at, int index, String kind, int attempt, String reason) implements TimelineEvent {
    }

    /** The pipeline resumed after a need, with the continuation or the next step. */
    record Resumed(long at, String step, int finished, int succeeded) implements TimelineEvent {
    }

    /** A compensating effect ran (outcome {@code ok} or an error kind label). */
    record CompensationRan(long at, String forKind, String kind, String target, String outcome, long durationNanos)
            implements TimelineEvent {
    }

    /** Time a job waited in a queue before running. */
    record QueueWait(long at, String job, long waitNanos) implements TimelineEvent {
    }

    /** Time a job was parked (yielded) before resuming. */
    record ParkWait(long at, String job, long waitNanos) implements TimelineEvent {
    }

    /**
     * A queued job (the one whose {@link QueueWait} or {@link ParkWait} came last) finished
     * its synchronous run: its steps up to a need, the answer or a failure, and the start of
     * that need's effects. {@code runNanos} is its wall time on the engine's ticker.
     */
    record JobEnded(long at, String job, long runNanos) implements TimelineEvent {
    }

    /** A CPU budget applies to the request ({@code scope}: request or a compute task's name). */
    record BudgetRegistered(long at, String scope, long budgetNanos) implements TimelineEvent {
    }

    /** The request went over its CPU budget; {@code action} is park or reject. */
    record BudgetExceeded(long at, String scope, long usedNanos, long budgetNanos, String action)
            implements TimelineEvent {
    }

    /** The request failed with an error. */
    record Failed(long at, ZerverError error) implements TimelineEvent {
    }

    /** A line from {@code StepContext.debug}. */
    record Debug(long at, String step, String message) implements TimelineEvent {
    }

    /** The request was answered. */
    record Finished(long at, int status) implements TimelineEvent {
    }
}
