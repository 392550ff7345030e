package io.zerver.autoconfigure.engine;

import io.zerver.core.schedule.SchedulerConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The SLO scheduler that orders step work across requests. Validated at binding: a value out of
 * range fails start-up naming the property, the value and the range.
 */
@ConfigurationProperties("zerver.scheduler")
public class ZerverSchedulerProperties implements Validator {

    /** Whether step work goes through the SLO scheduler. */
    private boolean enabled = true;

    /**
     * Step jobs running at once. By default one per Reactor Netty event loop (the
     * reactor.netty.ioWorkerCount system property, else the larger of the number of
     * processors and 4): while the server is not saturated, a step then runs at once on the
     * event loop that received its request instead of being handed to another thread. At least 1
     * when set.
     */
    private @Nullable Integer maxConcurrent;

    /**
     * Step jobs waiting at once, both priority classes together; beyond it work is shed with
     * 503. 0 or more.
     */
    private int maxQueued = 1024;

    /** Wait after which a job goes ahead of fresher work of a higher class. 0 or more. */
    private Duration agingBound = Duration.ofMillis(50);

    /** The scheduler configuration, with the request CPU budget of {@code budget}. */
    public SchedulerConfig toConfig(ZerverBudgetProperties budget) {
        int concurrent = maxConcurrent != null ? maxConcurrent : eventLoops();
        return new SchedulerConfig(concurrent, maxQueued, agingBound, budget.getRequestCpu(),
                budget.getOverBudget());
    }

    /** Reactor Netty's default number of event loops, computed as it does. */
    static int eventLoops() {
        return Integer.getInteger("reactor.netty.ioWorkerCount", Math.max(Runtime.getRuntime().availableProcessors(), 4));
    }

    @Override
    public boolean supports(Class<?> type) {
        return ZerverSchedulerProperties.class.isAssignableFrom(type);
    }

    /** The ranges {@link SchedulerConfig} accepts. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverSchedulerProperties p = (ZerverSchedulerProperties) target;
        if (p.maxConcurrent != null && p.maxConcurrent < 1) {
            errors.rejectValue("maxConcurrent", "range",
                    p.maxConcurrent + " (expected: >= 1, or unset for one per event loop)");
        }
        Bounds.atLeast(errors, "maxQueued", p.maxQueued, 0);
        Bounds.notNegative(errors, "agingBound", p.agingBound);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable Integer getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(@Nullable Integer maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    public int getMaxQueued() {
        return maxQueued;
    }

    public void setMaxQueued(int maxQueued) {
        this.maxQueued = maxQueued;
    }

    public Duration getAgingBound() {
        return agingBound;
    }

    public void setAgingBound(Duration agingBound) {
        this.agingBound = agingBound;
    }
}
