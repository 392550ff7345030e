package io.zerver.core.engine;

import io.zerver.core.schedule.OverBudget;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.TimelineEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Measures the thread CPU time of each pipeline segment against the request's budget.
 * Costs nothing when no budget is configured.
 */
final class CpuBudgets {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final EngineSettings settings;

    CpuBudgets(EngineSettings settings) {
        this.settings = settings;
    }

    /** Whether requests have a CPU budget. */
    boolean active() {
        SloScheduler slo = settings.slo();
        return slo != null && slo.config().requestCpuBudget() != null;
    }

    Mono<Verdict> measure(Exchange exchange, Supplier<Mono<Verdict>> segment) {
        SloScheduler slo = settings.slo();
        Duration budget = slo == null ? null : slo.config().requestCpuBudget();
        if (budget == null || !THREADS.isCurrentThreadCpuTimeSupported()) {
            return segment.get();
        }
        long budgetNanos = budget.toNanos();
        if (exchange.cpu().nanos() == 0) {
            exchange.timeline().add(new TimelineEvent.BudgetRegistered(exchange.clock().elapsed(), "request",
                    budgetNanos));
        }
        long before = THREADS.getCurrentThreadCpuTime();
        try {
            return segment.get();
        } finally {
            long used = exchange.cpu().add(Math.max(1, THREADS.getCurrentThreadCpuTime() - before));
            if (used > budgetNanos && !exchange.cpu().overBudget()) {
                OverBudget action = slo.config().overBudget();
                exchange.cpu().markOverBudget();
                exchange.timeline().add(new TimelineEvent.BudgetExceeded(exchange.clock().elapsed(), "request", used,
                        budgetNanos, action.name().toLowerCase(java.util.Locale.ROOT)));
                slo.listener().budgetExceeded(action);
            }
        }
    }
}
