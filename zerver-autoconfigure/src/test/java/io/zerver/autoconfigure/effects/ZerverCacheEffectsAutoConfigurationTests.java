package io.zerver.autoconfigure.effects;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.FileJsonRead;
import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.cache.CacheEffects;
import io.zerver.effects.cache.CacheEffectsConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ZerverCacheEffectsAutoConfigurationTests {

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = EffectsAutoConfigurations.runner(dir);

    @Test
    void servesTheCacheEffectsWithTheirSizeWhenCaffeineIsPresentAndBootsMetricsBindTheirMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, () -> registry).withPropertyValues("zerver.effects.cache.maximum-size=7")
                .run(context -> {
                    assertThat(context.getBean(CacheEffects.class).config().maximumSize()).isEqualTo(7);
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(CacheGet.class);
                    assertThat(registry.find("cache.size").tag("cache", CacheEffects.CACHE_NAME).gauge()).isNotNull();
                });
    }

    @Test
    void withoutCaffeineTheFamilyIsLeftOutAndTheEngineStarts() {
        runner.withClassLoader(new FilteredClassLoader(Caffeine.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).doesNotHaveBean(CacheEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(CacheGet.class)
                    .contains(FileJsonRead.class);
        });
    }

    @Test
    void anApplicationsCacheEffectsReplacesZervers() {
        runner.withBean("appCache", CacheEffects.class,
                () -> CacheEffects.create(CacheEffectsConfig.defaults().withMaximumSize(1))).run(context -> {
                    assertThat(context).hasSingleBean(CacheEffects.class);
                    assertThat(context.getBean(ZerverEffects.class).family(CacheEffects.class))
                            .containsSame(context.getBean("appCache", CacheEffects.class));
                });
    }
}
