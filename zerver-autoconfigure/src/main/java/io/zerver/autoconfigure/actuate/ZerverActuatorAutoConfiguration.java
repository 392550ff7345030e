package io.zerver.autoconfigure.actuate;

import io.zerver.autoconfigure.engine.ZerverDebugProperties;
import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code zerver} actuator endpoint, the recent-timelines view and the health indicator. */
@AutoConfiguration(after = ZerverEngineAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(Engine.class)
@EnableConfigurationProperties(ZerverDebugProperties.class)
public final class ZerverActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RecentTimelines zerverRecentTimelines(ZerverDebugProperties debug) {
        return new RecentTimelines(debug.recentTimelines());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    ZerverEndpoint zerverEndpoint(Engine engine, ObjectProvider<RecentTimelines> recent,
            ObjectProvider<ZerverEffects> effects, ObjectProvider<ZerverEndpointSection> sections) {
        return new ZerverEndpoint(engine, recent.getIfUnique(), effects.getIfUnique(),
                sections.orderedStream().toList());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("zerver")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "zerverHealthIndicator")
        ZerverHealthIndicator zerverHealthIndicator(Engine engine, ObjectProvider<ZerverEffects> effects) {
            return new ZerverHealthIndicator(engine, effects.getIfUnique());
        }
    }
}
