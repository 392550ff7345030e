package io.zerver.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.observation.metrics.InFlightMetrics;
import io.zerver.observation.metrics.SchedulerMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The engine's meters on the application's {@link MeterRegistry}: the SLO scheduler's
 * ({@link SchedulerMetrics}, the step scheduler's listener, its queue-depth and running gauges
 * bound once the scheduler exists) and the effects in flight per target ({@link InFlightMetrics},
 * an engine observer). A {@link SchedulerListener} or {@link InFlightMetrics} bean of the
 * application's own replaces them.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class ZerverMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SchedulerListener.class)
    @ConditionalOnBooleanProperty(name = "zerver.scheduler.enabled", matchIfMissing = true)
    SchedulerMetrics zerverSchedulerMetrics(MeterRegistry registry) {
        return new SchedulerMetrics(registry);
    }

    /** Binds the queue-depth and running gauges once the scheduler (which takes the listener) is built. */
    @Bean
    SmartInitializingSingleton zerverSchedulerGauges(ObjectProvider<SchedulerMetrics> metrics,
            ObjectProvider<SloScheduler> scheduler) {
        return () -> metrics.ifAvailable(bound -> scheduler.ifUnique(bound::bindTo));
    }

    @Bean
    @ConditionalOnMissingBean
    InFlightMetrics zerverInFlightMetrics(MeterRegistry registry) {
        return new InFlightMetrics(registry);
    }
}
