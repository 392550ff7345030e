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
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
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
        HttpEffects effects = HttpEffects.create(httpEffectsConfig(http));
        meterRegistry.ifUnique(effects::bindTo);
        return effects;
    }

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.http.enabled", matchIfMissing = true)
    EffectFamily<HttpEffects> zerverHttpEffectFamily(HttpEffects http) {
        return EffectFamily.of(http, HttpEffects::registerOn);
    }

    /**
     * The only place a {@code zerver.effects.http.*} property meets {@link HttpEffectsConfig}: the
     * bean above and the properties' check at binding both use it.
     */
    static HttpEffectsConfig httpEffectsConfig(ZerverHttpEffectsProperties properties) {
        PropertyMapper map = PropertyMapper.get();
        HttpEffectsConfig config = HttpEffectsConfig.defaults();
        config = map.from(properties::connectTimeout).to(config, HttpEffectsConfig::withConnectTimeout);
        config = map.from(properties::maxConnections).to(config, HttpEffectsConfig::withMaxConnectionsPerHost);
        return map.from(properties::maxResponseSize).as(DataSize::toBytes)
                .to(config, HttpEffectsConfig::withMaxResponseBytes);
    }
}
