package io.zerver.autoconfigure.effects;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.cache.CacheEffects;
import io.zerver.effects.cache.CacheEffectsConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The cache effects ({@code cache.*}) on an in-process Caffeine cache. The cache is a
 * {@code MeterBinder}: Spring Boot's metrics bind it to the application's registries. A
 * {@link CacheEffects} bean of the application's replaces Zerver's; {@code zerver.effects.cache.enabled=false} or leaving Caffeine out turns the family off.
 */
@AutoConfiguration
@ConditionalOnClass({ CacheEffects.class, Caffeine.class })
@EnableConfigurationProperties(ZerverCacheEffectsProperties.class)
public final class ZerverCacheEffectsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "zerver.effects.cache.enabled", matchIfMissing = true)
    CacheEffects zerverCacheEffects(ZerverCacheEffectsProperties cache) {
        return CacheEffects.create(cacheEffectsConfig(cache));
    }

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.cache.enabled", matchIfMissing = true)
    EffectFamily<CacheEffects> zerverCacheEffectFamily(CacheEffects cache) {
        return EffectFamily.of(cache, CacheEffects::registerOn);
    }

    /**
     * The only place a {@code zerver.effects.cache.*} property meets {@link CacheEffectsConfig}: the
     * bean above and the properties' check at binding both use it.
     */
    static CacheEffectsConfig cacheEffectsConfig(ZerverCacheEffectsProperties properties) {
        return PropertyMapper.get().from(properties::maximumSize)
                .to(CacheEffectsConfig.defaults(), CacheEffectsConfig::withMaximumSize);
    }
}
