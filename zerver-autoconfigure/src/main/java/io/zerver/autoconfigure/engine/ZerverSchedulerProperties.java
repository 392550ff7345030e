package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.schedule.SchedulerConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/**
 * The SLO scheduler that orders step work across requests ({@code zerver.scheduler.*}), checked at
 * binding against {@link SchedulerConfig}.
 */
@ConfigurationProperties("zerver.scheduler")
public class ZerverSchedulerProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverSchedulerProperties.class,
            p -> ZerverEngineAutoConfiguration.schedulerConfig(p, new ZerverBudgetProperties()))
            .unsetMeans("maxConcurrent", "one per event loop");

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

    @Override
    public Validator coreChecks() {
        return CORE;
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
