package io.zerver.autoconfigure.effects;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.compute.ComputeEffects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The compute effects ({@code compute}) of the {@link ComputeEffects} bean the application
 * defines with its tasks, measured in the application's {@link MeterRegistry}. They need no
 * library beyond the JDK; {@code zerver.effects.compute.enabled=false} turns the family off.
 */
@AutoConfiguration
@ConditionalOnClass(ComputeEffects.class)
@EnableConfigurationProperties(ZerverComputeEffectsProperties.class)
public final class ZerverComputeEffectsAutoConfiguration {

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.compute.enabled", matchIfMissing = true)
    @ConditionalOnSingleCandidate(ComputeEffects.class)
    EffectFamily<ComputeEffects> zerverComputeEffectFamily(ComputeEffects compute,
            ObjectProvider<MeterRegistry> meterRegistry) {
        meterRegistry.ifUnique(compute::bindTo);
        return EffectFamily.of(compute, ComputeEffects::registerOn);
    }
}
