package io.zerver.autoconfigure.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.http.HttpEffects;
import io.zerver.effects.http.HttpEffectsConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.netty.http.client.HttpClient;

class ZerverHttpEffectsAutoConfigurationTests {

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = EffectsAutoConfigurations.runner(dir);

    @Test
    void servesTheHttpEffectsWithTheirPropertiesWhenTheirLibrariesArePresent() {
        runner.withPropertyValues("zerver.effects.http.connect-timeout=750ms", "zerver.effects.http.max-connections=3",
                "zerver.effects.http.max-response-size=1KB").run(context -> {
                    HttpEffectsConfig config = context.getBean(HttpEffects.class).config();
                    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(750));
                    assertThat(config.maxConnectionsPerHost()).isEqualTo(3);
                    assertThat(config.maxResponseBytes()).isEqualTo(1024);
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(HttpCall.class);
                    assertThat(context.getBean(ZerverEffects.class).family(HttpEffects.class))
                            .containsSame(context.getBean(HttpEffects.class));
                });
    }

    @Test
    void withoutResilience4jTheFamilyIsLeftOutAndTheEngineStarts() {
        runner.withClassLoader(new FilteredClassLoader(CircuitBreaker.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).doesNotHaveBean(HttpEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(HttpCall.class)
                    .contains(CacheGet.class);
            assertThat(context.getBean(ZerverEffects.class).family(HttpEffects.class)).isEmpty();
        });
    }

    @Test
    void withoutTheReactorNettyClientTheFamilyIsLeftOut() {
        runner.withClassLoader(new FilteredClassLoader(HttpClient.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).doesNotHaveBean(HttpEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(HttpCall.class);
        });
    }

    @Test
    void anApplicationsHttpEffectsReplacesZervers() {
        runner.withBean("appHttp", HttpEffects.class, () -> HttpEffects.create(HttpEffectsConfig.defaults()
                .withMaxConnectionsPerHost(1))).run(context -> {
                    assertThat(context).hasSingleBean(HttpEffects.class);
                    assertThat(context.getBean(ZerverEffects.class).family(HttpEffects.class))
                            .containsSame(context.getBean("appHttp", HttpEffects.class));
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(HttpCall.class);
                });
    }

    @Test
    void bindsItsMetersToTheApplicationsRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry).run(context -> {
            HttpEffects http = context.getBean(HttpEffects.class);
            // Bound to the application's registry already, so another is refused.
            assertThatIllegalStateException().isThrownBy(() -> http.bindTo(new SimpleMeterRegistry()));
        });
    }
}
