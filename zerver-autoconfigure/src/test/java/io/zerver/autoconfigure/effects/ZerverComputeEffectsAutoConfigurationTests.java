package io.zerver.autoconfigure.effects;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.Compute;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.compute.ComputeConfig;
import io.zerver.effects.compute.ComputeEffects;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ZerverComputeEffectsAutoConfigurationTests {

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = EffectsAutoConfigurations.runner(dir);

    @Test
    void servesAndMeasuresTheApplicationsComputeTasks() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry).withBean(ComputeEffects.class, () -> upper())
                .run(context -> {
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(Compute.class);
                    assertThat(context.getBean(ZerverEffects.class).family(ComputeEffects.class))
                            .containsSame(context.getBean(ComputeEffects.class));
                    assertThat(registry.find("zerver.compute.active").gauge()).isNotNull();
                });
    }

    @Test
    void withoutAComputeEffectsBeanThereIsNoComputeHandler() {
        runner.run(context -> assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(Compute.class));
    }

    @Test
    void switchedOffTheTasksAreNotServed() {
        runner.withBean(ComputeEffects.class, () -> upper()).withPropertyValues("zerver.effects.compute.enabled=false")
                .run(context -> assertThat(context.getBean(EffectHandlers.class).types())
                        .doesNotContain(Compute.class));
    }

    @Test
    void withoutTheFamilyOnTheClassPathTheEngineStarts() {
        runner.withClassLoader(new FilteredClassLoader(ComputeEffects.class)).withBean(ComputeEffects.class, () -> upper())
                .run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(Compute.class);
        });
    }

    private static ComputeEffects upper() {
        return ComputeEffects.builder(ComputeConfig.defaults()).task("upper", String.class, (s, ctx) -> s.toUpperCase())
                .build();
    }
}
