package io.zerver.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Observes Zerver requests through the application's {@link ObservationRegistry}: an
 * {@link ObservationTimelineObserver} the engine reports its timelines to. Conventions
 * declared as beans ({@link ZerverRequestObservationConvention} and the others) replace
 * the defaults.
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class)
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
            ObjectProvider<ZerverJobObservationConvention> jobConvention) {
        return ObservationTimelineObserver.builder(registry)
                .promoteQueueWait(properties.getPromoteQueueWait())
                .promoteParkWait(properties.getPromoteParkWait())
                .requestConvention(requestConvention.getIfUnique())
                .stepConvention(stepConvention.getIfUnique())
                .effectConvention(effectConvention.getIfUnique())
                .jobConvention(jobConvention.getIfUnique())
                .build();
    }
}
