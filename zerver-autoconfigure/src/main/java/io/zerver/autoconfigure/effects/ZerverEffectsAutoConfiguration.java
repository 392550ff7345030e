package io.zerver.autoconfigure.effects;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.ZerverEffects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The engine's effect handlers: every {@link EffectFamily} bean, in order, composed into one
 * {@link ZerverEffects} and its {@link EffectHandlers}. The families come from their own
 * auto-configurations ({@link ZerverJdbcEffectsAutoConfiguration},
 * {@link ZerverSqlEffectsAutoConfiguration}, {@link ZerverHttpEffectsAutoConfiguration}, {@link ZerverFileEffectsAutoConfiguration},
 * {@link ZerverCacheEffectsAutoConfiguration}, {@link ZerverComputeEffectsAutoConfiguration}),
 * each present when its library is; an application adds its own with an {@code EffectFamily}
 * bean, or replaces all of them with an {@code EffectHandlers} bean. Every
 * {@code zerver.effects.*} prefix is bound and validated here, whether its family is present
 * and enabled or not.
 */
@AutoConfiguration(after = { ZerverJdbcEffectsAutoConfiguration.class, ZerverSqlEffectsAutoConfiguration.class,
        ZerverHttpEffectsAutoConfiguration.class,
        ZerverFileEffectsAutoConfiguration.class, ZerverCacheEffectsAutoConfiguration.class,
        ZerverComputeEffectsAutoConfiguration.class })
@ConditionalOnClass(ZerverEffects.class)
@EnableConfigurationProperties({ ZerverDataProperties.class, ZerverJdbcEffectsProperties.class,
        ZerverSqlEffectsProperties.class,
        ZerverHttpEffectsProperties.class, ZerverFileEffectsProperties.class, ZerverCacheEffectsProperties.class,
        ZerverComputeEffectsProperties.class })
public final class ZerverEffectsAutoConfiguration {

    /**
     * The order of Zerver's families among the {@link EffectFamily} beans: an application's
     * families, unordered or ordered after it, register later and so replace Zerver's handlers
     * of the same effects.
     */
    public static final int FAMILY_ORDER = 0;

    /** The families are beans of their own, closed by the context: this composition closes none of them. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    ZerverEffects zerverEffects(ObjectProvider<EffectFamily<?>> families) {
        ZerverEffects.Builder effects = ZerverEffects.builder();
        families.orderedStream().forEach(effects::family);
        return effects.build();
    }

    @Bean
    @ConditionalOnMissingBean
    EffectHandlers zerverEffectHandlers(ZerverEffects effects) {
        return effects.handlers();
    }
}
