package io.zerver.effects.compute;

import io.zerver.core.effect.EffectContext;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.timeline.TimelineEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A task's view of its budget: thread CPU time since it started, checked at checkpoints. */
final class BudgetedContext implements ComputeContext {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String task;
    private final @Nullable Duration budget;
    private final OverBudget policy;
    private final EffectContext effect;
    private final ComputeEffects pool;
    private final long startCpu;
    /** The CPU reading from which the current budget window counts. */
    private long windowStart;
    private boolean exceeded;

    BudgetedContext(String task, @Nullable Duration budget, OverBudget policy, EffectContext effect,
            ComputeEffects pool) {
        this.task = task;
        this.budget = budget;
        this.policy = policy;
        this.effect = effect;
        this.pool = pool;
        this.startCpu = THREADS.getCurrentThreadCpuTime();
        this.windowStart = startCpu;
        if (budget != null) {
            long nanos = budget.toNanos();
            effect.record(at -> new TimelineEvent.BudgetRegistered(at, "compute:" + task, nanos));
        }
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public Duration cpuUsed() {
        return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - startCpu);
    }

    @Override
    public void checkpoint() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ZerverException(ErrorKind.TIMEOUT, "compute", "cancelled:" + task);
        }
        if (budget == null) {
            return;
        }
        long now = THREADS.getCurrentThreadCpuTime();
        long used = now - windowStart;
        long limit = budget.toNanos();
        if (used <= limit) {
            return;
        }
        long total = now - startCpu;
        if (!exceeded) {
            exceeded = true;
            pool.budgetExceeded();
            String action = policy.name().toLowerCase(Locale.ROOT);
            effect.record(at -> new TimelineEvent.BudgetExceeded(at, "compute:" + task, total, limit, action));
        }
        if (policy == OverBudget.REJECT) {
            throw new ZerverException(ErrorKind.OVERLOADED, "compute", "cpu_budget:" + task);
        }
        long parkedAt = System.nanoTime();
        try {
            pool.yieldSlot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZerverException(ErrorKind.TIMEOUT, "compute", "cancelled:" + task);
        }
        long waited = System.nanoTime() - parkedAt;
        effect.record(at -> new TimelineEvent.ParkWait(at, "compute:" + task, waited));
        windowStart = THREADS.getCurrentThreadCpuTime();
    }
}
