package io.zerver.observation.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.schedule.Priority;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SLO scheduler as meters: {@code zerver.scheduler.queue.depth} and
 * {@code zerver.scheduler.queue.wait} per priority, {@code zerver.scheduler.shed} and
 * {@code zerver.scheduler.expired} per priority, {@code zerver.scheduler.park.wait}, and
 * {@code zerver.budget.exceeded} per action.
 *
 * <pre>{@code
 * SchedulerMetrics metrics = new SchedulerMetrics(registry);
 * SloScheduler scheduler = SloScheduler.create(config, metrics);
 * metrics.bindTo(scheduler);
 * }</pre>
 */
public final class SchedulerMetrics implements SchedulerListener {

    private final MeterRegistry registry;
    private final Map<Priority, Timer> queueWait = new EnumMap<>(Priority.class);
    private final Map<Priority, Counter> shed = new EnumMap<>(Priority.class);
    private final Map<Priority, Counter> expired = new EnumMap<>(Priority.class);
    private final Map<OverBudget, Counter> budgetExceeded = new EnumMap<>(OverBudget.class);
    private final Timer parkWait;

    public SchedulerMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
        for (Priority p : Priority.values()) {
            queueWait.put(p, Timer.builder("zerver.scheduler.queue.wait").tag("priority", p.label())
                    .description("Time step jobs waited in the scheduler's queue").register(registry));
            shed.put(p, Counter.builder("zerver.scheduler.shed").tag("priority", p.label())
                    .description("Step jobs refused or evicted because the queue was full").register(registry));
            expired.put(p, Counter.builder("zerver.scheduler.expired").tag("priority", p.label())
                    .description("Queued step jobs dropped at their deadline").register(registry));
        }
        for (OverBudget action : OverBudget.values()) {
            budgetExceeded.put(action, Counter.builder("zerver.budget.exceeded")
                    .tag("action", action.name().toLowerCase(Locale.ROOT))
                    .description("Requests over their CPU budget").register(registry));
        }
        parkWait = Timer.builder("zerver.scheduler.park.wait")
                .description("Time requests over budget waited before their next job ran").register(registry);
    }

    /** Adds the queue-depth gauges of {@code scheduler}. */
    public SchedulerMetrics bindTo(SloScheduler scheduler) {
        requireNonNull(scheduler, "scheduler");
        for (Priority p : Priority.values()) {
            Gauge.builder("zerver.scheduler.queue.depth", scheduler, s -> s.queueDepth(p))
                    .tag("priority", p.label()).description("Step jobs waiting").register(registry);
        }
        Gauge.builder("zerver.scheduler.running", scheduler, SloScheduler::running)
                .description("Step jobs running").register(registry);
        return this;
    }

    @Override
    public void dequeued(Priority priority, long waitNanos) {
        queueWait.get(priority).record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shed(Priority priority) {
        shed.get(priority).increment();
    }

    @Override
    public void expired(Priority priority) {
        expired.get(priority).increment();
    }

    @Override
    public void budgetExceeded(OverBudget action) {
        budgetExceeded.get(action).increment();
    }

    @Override
    public void parked(long waitNanos) {
        parkWait.record(waitNanos, TimeUnit.NANOSECONDS);
    }
}
