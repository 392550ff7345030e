package io.zerver.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.zerver.observation.ObservationTimelineObserver;
import io.zerver.observation.ServerObservations;
import io.zerver.observation.ZerverEffectObservationConvention;
import io.zerver.observation.ZerverJobObservationConvention;
import io.zerver.observation.ZerverRequestObservationConvention;
import io.zerver.observation.ZerverStepObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observes Zerver requests through the application's {@link ObservationRegistry}: an
 * {@link ObservationTimelineObserver} the engine reports its timelines to. Conventions
 * declared as beans ({@link ZerverRequestObservationConvention} and the others) replace
 * the defaults. With a {@link MeterRegistry}, the children of requests the tracer did not
 * sample are timers only, and those of requests it sampled are spans made directly through
 * the {@link io.micrometer.tracing.Tracer} and timers, unless
 * {@code zerver.tracing.observe-children} is true.
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "zerver.tracing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZerverTracingProperties.class)
public final class ZerverObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationTimelineObserver zerverObservationTimelineObserver(ObservationRegistry registry,
            ZerverTracingProperties properties,
            ObjectProvider<ZerverRequestObservationConvention> requestConvention,
            ObjectProvider<ZerverStepObservationConvention> stepConvention,
            ObjectProvider<ZerverEffectObservationConvention> effectConvention,
            ObjectProvider<ZerverJobObservationConvention> jobConvention,
            ObjectProvider<UnsampledTimersCustomizer> unsampledTimers, ApplicationContext context) {
        ObservationTimelineObserver.Builder builder = promoteWaits(properties,
                ObservationTimelineObserver.builder(registry))
                .requestConvention(requestConvention.getIfUnique())
                .stepConvention(stepConvention.getIfUnique())
                .effectConvention(effectConvention.getIfUnique())
                .jobConvention(jobConvention.getIfUnique());
        if (!properties.observeChildren()) {
            unsampledTimers.orderedStream().forEach(timers -> timers.customize(builder));
            builder.untraced(!hasTracer(context));
        }
        return builder.build();
    }

    /** The waits that make a job a span of its own; also how the properties are checked at binding. */
    static ObservationTimelineObserver.Builder promoteWaits(ZerverTracingProperties properties,
            ObservationTimelineObserver.Builder builder) {
        PropertyMapper map = PropertyMapper.get();
        map.from(properties::promoteQueueWait).to(builder::promoteQueueWait);
        map.from(properties::promoteParkWait).to(builder::promoteParkWait);
        return builder;
    }

    /**
     * Names the server spans that became the roots of Zerver requests (embedded mode, see
     * {@link ServerObservations}); registered on the observation registry by Spring Boot.
     */
    @Bean
    @ConditionalOnMissingBean(name = "zerverServerObservationNameFilter")
    ObservationFilter zerverServerObservationNameFilter() {
        return ServerObservations.nameFilter();
    }

    /** Whether the application has a Micrometer Tracing tracer (a real one or Boot's no-op one). */
    static boolean hasTracer(ApplicationContext context) {
        try {
            Class<?> tracer = Class.forName("io.micrometer.tracing.Tracer", false,
                    ZerverObservationAutoConfiguration.class.getClassLoader());
            return context.getBeanNamesForType(tracer, false, false).length > 0;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Hands the application's meter registry, observation predicates and filters, or its tracer, to the observer. */
    @FunctionalInterface
    interface UnsampledTimersCustomizer {

        void customize(ObservationTimelineObserver.Builder builder);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static final class UnsampledTimersConfiguration {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        UnsampledTimersCustomizer zerverUnsampledTimers(MeterRegistry meters,
                ObjectProvider<ObservationPredicate> predicates, ObjectProvider<ObservationFilter> filters) {
            return builder -> builder.meterRegistry(meters, predicates.orderedStream().toList(),
                    filters.orderedStream().toList());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static final class ChildSpansConfiguration {

        @Bean
        UnsampledTimersCustomizer zerverChildSpans(ObjectProvider<Tracer> tracer) {
            return builder -> builder.tracer(tracer.getIfUnique());
        }
    }
}
