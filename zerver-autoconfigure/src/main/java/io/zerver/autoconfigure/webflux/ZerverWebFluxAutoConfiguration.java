package io.zerver.autoconfigure.webflux;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.autoconfigure.observation.ZerverTracingProperties;
import io.zerver.core.engine.Engine;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.HandlerMapping;

/**
 * Embedded mode: the engine's routes served by the application's own WebFlux server, next
 * to its controllers and router functions (see {@link ZerverHandlerMapping} for precedence).
 */
@AutoConfiguration(after = ZerverEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(HandlerMapping.class)
@ConditionalOnBean(Engine.class)
@ConditionalOnBooleanProperty(name = "zerver.webflux.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ ZerverTracingProperties.class, ZerverWebFluxProperties.class })
public final class ZerverWebFluxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZerverWebHandler zerverWebHandler(Engine engine, ObjectProvider<ObservationRegistry> observationRegistry,
            ZerverTracingProperties tracing) {
        return new ZerverWebHandler(engine, observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
                tracing.unsampledLogCorrelation());
    }

    @Bean
    @ConditionalOnMissingBean
    ZerverHandlerMapping zerverHandlerMapping(Engine engine, ZerverWebHandler handler,
            ZerverWebFluxProperties properties) {
        ZerverHandlerMapping mapping = new ZerverHandlerMapping(engine, handler);
        mapping.setOrder(properties.handlerMappingOrder());
        return mapping;
    }
}
