package io.zerver.autoconfigure.effects;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.http.HttpEffects;
import io.zerver.effects.http.HttpEffectsConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import reactor.netty.http.client.HttpClient;

/**
 * The HTTP effects ({@code http.*}): a pooled Reactor Netty client with a Resilience4j circuit
 * breaker per host, measured in the application's {@link MeterRegistry}. An {@link HttpEffects}
 * bean of the application's replaces Zerver's; {@code zerver.effects.http.enabled=false} or
 * leaving reactor-netty-http or resilience4j-circuitbreaker out turns the family off.
 */
@AutoConfiguration
@ConditionalOnClass({ HttpEffects.class, HttpClient.class, CircuitBreaker.class })
@EnableConfigurationProperties(ZerverHttpEffectsProperties.class)
public final class ZerverHttpEffectsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "zerver.effects.http.enabled", matchIfMissing = true)
    HttpEffects zerverHttpEffects(ZerverHttpEffectsProperties http, ObjectProvider<MeterRegistry> meterRegistry) {
        HttpEffects effects = HttpEffects.create(HttpEffectsConfig.defaults()
                .withConnectTimeout(http.getConnectTimeout())
                .withMaxConnectionsPerHost(http.getMaxConnections())
                .withMaxResponseBytes(http.getMaxResponseSize().toBytes()));
        meterRegistry.ifUnique(effects::bindTo);
        return effects;
    }

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.http.enabled", matchIfMissing = true)
    EffectFamily<HttpEffects> zerverHttpEffectFamily(HttpEffects http) {
        return EffectFamily.of(http, HttpEffects::registerOn);
    }
}
