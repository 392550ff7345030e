package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.schedule.SchedulerConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * The SLO scheduler that orders step work across requests ({@code zerver.scheduler.*}), checked at
 * binding against {@link SchedulerConfig}.
 *
 * @param enabled Whether step work goes through the SLO scheduler.
 * @param maxConcurrent Step jobs running at once. By default one per Reactor Netty event loop (the
 *     reactor.netty.ioWorkerCount system property, else the larger of the number of
 *     processors and 4): while the server is not saturated, a step then runs at once on the
 *     event loop that received its request instead of being handed to another thread. At least 1
 *     when set.
 * @param maxQueued Step jobs waiting at once, both priority classes together; beyond it work is shed with
 *     503. 0 or more.
 * @param agingBound Wait after which a job goes ahead of fresher work of a higher class. 0 or more.
 */
@ConfigurationProperties("zerver.scheduler")
public record ZerverSchedulerProperties(@DefaultValue("true") boolean enabled, @Nullable Integer maxConcurrent,
        @DefaultValue("1024") int maxQueued, @DefaultValue("50ms") Duration agingBound) implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverSchedulerProperties.class,
            p -> ZerverEngineAutoConfiguration.schedulerConfig(p, CoreChecked.defaults(ZerverBudgetProperties.class)))
            .unsetMeans("maxConcurrent", "one per event loop");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
