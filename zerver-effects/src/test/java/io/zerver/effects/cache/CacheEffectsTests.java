package io.zerver.effects.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.CacheSet;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.EffectOptions;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CacheEffectsTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final FakeTicker ticker = new FakeTicker();
    private final CacheEffects cache = CacheEffects.create(CacheEffectsConfig.defaults(), ticker);
    private final EffectHandlers handlers = cache.registerOn(EffectHandlers.builder()).build();

    @Test
    void getOfAbsentKeyIsNotFoundNamingTheKey() {
        assertNotFound("nope");
    }

    @Test
    void setThenGetAnswersTheValue() {
        assertThat(perform(Effects.cacheSet("k", "v", MINUTE)).block()).isEqualTo(Boolean.TRUE);

        assertThat(perform(Effects.cacheGet("k")).block()).isEqualTo("v");
    }

    @Test
    void setReplacesTheValue() {
        perform(Effects.cacheSet("k", "old", MINUTE)).block();
        perform(Effects.cacheSet("k", "new", MINUTE)).block();

        assertThat(perform(Effects.cacheGet("k")).block()).isEqualTo("new");
    }

    @Test
    void deleteAnswersWhetherTheKeyWasThere() {
        perform(Effects.cacheSet("k", "v", MINUTE)).block();

        assertThat(perform(Effects.cacheDelete("k")).block()).isEqualTo(true);
        assertThat(perform(Effects.cacheDelete("k")).block()).isEqualTo(false);
        assertNotFound("k");
    }

    @Test
    void entryExpiresAfterItsOwnTtl() {
        perform(Effects.cacheSet("short", "s", Duration.ofSeconds(10))).block();
        perform(Effects.cacheSet("long", "l", Duration.ofSeconds(60))).block();

        ticker.advance(Duration.ofSeconds(9));
        assertThat(perform(Effects.cacheGet("short")).block()).isEqualTo("s");

        ticker.advance(Duration.ofSeconds(2));
        assertNotFound("short");
        assertThat(perform(Effects.cacheGet("long")).block()).isEqualTo("l");

        ticker.advance(Duration.ofSeconds(50));
        assertNotFound("long");
    }

    @Test
    void readingDoesNotExtendTheTtl() {
        perform(Effects.cacheSet("k", "v", Duration.ofSeconds(10))).block();

        for (int i = 0; i < 4; i++) {
            ticker.advance(Duration.ofSeconds(2));
            perform(Effects.cacheGet("k")).block();
        }
        ticker.advance(Duration.ofSeconds(3));

        assertNotFound("k");
    }

    @Test
    void settingAgainRestartsTheTtlWithTheNewOne() {
        perform(Effects.cacheSet("k", "v1", Duration.ofSeconds(10))).block();
        ticker.advance(Duration.ofSeconds(8));
        perform(Effects.cacheSet("k", "v2", Duration.ofSeconds(5))).block();

        ticker.advance(Duration.ofSeconds(4));
        assertThat(perform(Effects.cacheGet("k")).block()).isEqualTo("v2");
        ticker.advance(Duration.ofSeconds(2));
        assertNotFound("k");
    }

    @Test
    void deleteOfAnExpiredEntryAnswersFalse() {
        perform(Effects.cacheSet("k", "v", Duration.ofSeconds(1))).block();
        ticker.advance(Duration.ofSeconds(2));

        assertThat(perform(Effects.cacheDelete("k")).block()).isEqualTo(false);
    }

    @Test
    void hugeTtlIsKeptAsLongAsPossible() {
        perform(Effects.cacheSet("k", "v", Duration.ofSeconds(Long.MAX_VALUE))).block();
        ticker.advance(Duration.ofDays(365 * 100));

        assertThat(perform(Effects.cacheGet("k")).block()).isEqualTo("v");
    }

    @Test
    void nonPositiveTtlIsInvalidInput() {
        Effect zero = new CacheSet("k", "v", Duration.ZERO, null, EffectOptions.defaults(MINUTE));

        assertThatThrownBy(() -> perform(zero).block()).isInstanceOfSatisfying(ZerverException.class,
                e -> assertThat(e.error()).isEqualTo(ZerverError.of(ErrorKind.INVALID_INPUT, "cache", "ttl")));
    }

    @Test
    void sizeBoundEvicts() {
        CacheEffects small = CacheEffects.create(CacheEffectsConfig.defaults().withMaximumSize(10), ticker);
        EffectHandlers h = small.registerOn(EffectHandlers.builder()).build();

        for (int i = 0; i < 100; i++) {
            perform(h, Effects.cacheSet("k" + i, "v", MINUTE)).block();
        }
        small.cleanUp();

        assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void metricsBoundToARegistryCountGetsAndHits() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        cache.bindTo(registry);

        perform(Effects.cacheSet("k", "v", MINUTE)).block();
        perform(Effects.cacheGet("k")).block();
        perform(Effects.cacheGet("k")).block();
        assertNotFound("other");

        assertThat(registry.get("cache.gets").tag("cache", "zerver").tag("result", "hit").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get("cache.gets").tag("cache", "zerver").tag("result", "miss").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("cache.size").tag("cache", "zerver").gauge().value()).isEqualTo(1);
    }

    @Test
    void handlersAnswerSynchronouslySoTheEngineTakesItsFastPath() {
        assertThat(perform(Effects.cacheGet("k"))).isInstanceOf(Callable.class);
        assertThat(perform(Effects.cacheSet("k", "v", MINUTE))).isInstanceOf(Callable.class);
        assertThat(perform(Effects.cacheDelete("k"))).isInstanceOf(Callable.class);
    }

    private Mono<?> perform(Effect effect) {
        return perform(handlers, effect);
    }

    private static Mono<?> perform(EffectHandlers handlers, Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler for %s", effect.kind()).isNotNull();
        return handler.perform(effect, new EffectContext("test", 1, MINUTE));
    }

    private void assertNotFound(String key) {
        assertThatThrownBy(() -> perform(Effects.cacheGet(key)).block()).isInstanceOfSatisfying(
                ZerverException.class,
                e -> assertThat(e.error()).isEqualTo(ZerverError.of(ErrorKind.NOT_FOUND, "cache", key)));
    }
}
