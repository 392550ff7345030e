package io.zerver.core.schedule;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the SLO scheduler behaves. A value out of range throws {@link InvalidValueException}.
 *
 * @param maxConcurrent step jobs running at once (default: the number of processors)
 * @param maxQueued jobs waiting at once, both classes together; beyond it work is shed
 * @param agingBound a job that waited longer goes ahead of fresher work of a higher class
 * @param requestCpuBudget thread CPU time one request's steps may use (above 0), or null for none
 * @param overBudget what happens to a request over its CPU budget
 */
public record SchedulerConfig(int maxConcurrent, int maxQueued, Duration agingBound,
        @Nullable Duration requestCpuBudget, OverBudget overBudget) {

    public SchedulerConfig {
        if (maxConcurrent < 1) {
            throw new InvalidValueException("maxConcurrent", maxConcurrent, ">= 1");
        }
        if (maxQueued < 0) {
            throw new InvalidValueException("maxQueued", maxQueued, ">= 0");
        }
        requireNonNull(agingBound, "agingBound");
        if (agingBound.isNegative()) {
            throw new InvalidValueException("agingBound", agingBound, ">= 0");
        }
        if (requestCpuBudget != null && (requestCpuBudget.isNegative() || requestCpuBudget.isZero())) {
            throw new InvalidValueException("requestCpuBudget", requestCpuBudget, "> 0");
        }
        requireNonNull(overBudget, "overBudget");
    }

    /** One job per processor, 1024 queued, 50 ms aging, no CPU budget. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(Runtime.getRuntime().availableProcessors(), 1024, Duration.ofMillis(50), null,
                OverBudget.PARK);
    }

    public SchedulerConfig withMaxConcurrent(int value) {
        return new SchedulerConfig(value, maxQueued, agingBound, requestCpuBudget, overBudget);
    }

    public SchedulerConfig withMaxQueued(int value) {
        return new SchedulerConfig(maxConcurrent, value, agingBound, requestCpuBudget, overBudget);
    }

    public SchedulerConfig withAgingBound(Duration value) {
        return new SchedulerConfig(maxConcurrent, maxQueued, value, requestCpuBudget, overBudget);
    }

    public SchedulerConfig withRequestCpuBudget(@Nullable Duration value, OverBudget policy) {
        return new SchedulerConfig(maxConcurrent, maxQueued, agingBound, value, policy);
    }
}
