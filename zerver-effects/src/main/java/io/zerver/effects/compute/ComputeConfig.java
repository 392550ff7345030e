package io.zerver.effects.compute;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import io.zerver.core.schedule.OverBudget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The compute pool. A value out of range throws {@link InvalidValueException}.
 *
 * @param concurrency tasks computing at once (default: the number of processors)
 * @param maxQueued tasks waiting for a thread; beyond it a task fails with 503
 * @param cpuBudget the thread CPU time a task may use before its budget is exceeded, or null for none
 * @param overBudget what happens to a task over budget
 */
public record ComputeConfig(int concurrency, int maxQueued, @Nullable Duration cpuBudget, OverBudget overBudget) {

    public ComputeConfig {
        if (concurrency < 1) {
            throw new InvalidValueException("concurrency", concurrency, ">= 1");
        }
        if (maxQueued < 0) {
            throw new InvalidValueException("maxQueued", maxQueued, ">= 0");
        }
        if (cpuBudget != null && (cpuBudget.isNegative() || cpuBudget.isZero())) {
            throw new InvalidValueException("cpuBudget", cpuBudget, "> 0 or none");
        }
        requireNonNull(overBudget, "overBudget");
    }

    /** One task per processor, 256 queued, no budget. */
    public static ComputeConfig defaults() {
        return new ComputeConfig(Runtime.getRuntime().availableProcessors(), 256, null, OverBudget.PARK);
    }

    public ComputeConfig withConcurrency(int value) {
        return new ComputeConfig(value, maxQueued, cpuBudget, overBudget);
    }

    public ComputeConfig withMaxQueued(int value) {
        return new ComputeConfig(concurrency, value, cpuBudget, overBudget);
    }

    public ComputeConfig withCpuBudget(@Nullable Duration value, OverBudget policy) {
        return new ComputeConfig(concurrency, maxQueued, value, policy);
    }
}
