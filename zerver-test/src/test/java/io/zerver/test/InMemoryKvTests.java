package io.zerver.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class InMemoryKvTests {

    private static final EffectContext CONTEXT = new EffectContext("r1", 1, Duration.ofSeconds(1));

    private final InMemoryKv kv = new InMemoryKv();

    private final EffectHandlers handlers = kv.handlers();

    @BeforeEach
    void fill() {
        for (String key : List.of("todo:3", "todo:1", "user:1", "todo:2", "tod", "todo;", "todo:10")) {
            perform(Effects.dbPut(key, "v-" + key)).block();
        }
    }

    @Test
    void handlesTheFourDbEffects() {
        assertThat(handlers.types()).containsExactlyInAnyOrder(DbGet.class, DbPut.class, DbDelete.class, DbScan.class);
        assertThat(handlers.find(Effects.cacheGet("k"))).isNull();
    }

    @Test
    void getOfMissingKeyFailsWithNotFound() {
        StepVerifier.create(perform(Effects.dbGet("todo:404")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ZerverException.class,
                        z -> assertThat(z.error()).isEqualTo(ZerverError.of(ErrorKind.NOT_FOUND, "db", "todo:404"))))
                .verify();
    }

    @Test
    void getReturnsWhatWasPut() {
        StepVerifier.create(perform(Effects.dbPut("todo:9", "milk"))).expectNext(true).verifyComplete();

        StepVerifier.create(perform(Effects.dbGet("todo:9"))).expectNext("milk").verifyComplete();
    }

    @Test
    void putReplacesTheValue() {
        perform(Effects.dbPut("todo:1", "new")).block();

        StepVerifier.create(perform(Effects.dbGet("todo:1"))).expectNext("new").verifyComplete();
    }

    @Test
    void deleteReturnsWhetherTheKeyExisted() {
        StepVerifier.create(perform(Effects.dbDelete("todo:1"))).expectNext(true).verifyComplete();
        StepVerifier.create(perform(Effects.dbDelete("todo:1"))).expectNext(false).verifyComplete();
        StepVerifier.create(perform(Effects.dbGet("todo:1"))).expectError(ZerverException.class).verify();
    }

    @Test
    void scanReturnsKeysWithThePrefixInOrder() {
        StepVerifier.create(perform(Effects.dbScan("todo:", 100)))
                .expectNext(List.of(entry("todo:1"), entry("todo:10"), entry("todo:2"), entry("todo:3")))
                .verifyComplete();
    }

    @Test
    void scanStopsAtTheLimit() {
        StepVerifier.create(perform(Effects.dbScan("todo:", 2)))
                .expectNext(List.of(entry("todo:1"), entry("todo:10")))
                .verifyComplete();
    }

    @Test
    void scanWithUnknownPrefixIsEmpty() {
        StepVerifier.create(perform(Effects.dbScan("zzz", 10))).expectNext(List.of()).verifyComplete();
    }

    @Test
    void scanWithEmptyPrefixReturnsEverythingInOrder() {
        StepVerifier.create(perform(Effects.dbScan("", 3)))
                .expectNext(List.of(entry("tod"), entry("todo:1"), entry("todo:10")))
                .verifyComplete();
    }

    @Test
    void handlersAreLazyUntilSubscribed() {
        Mono<Object> put = perform(Effects.dbPut("lazy", "x"));

        assertThat(kv.snapshot()).doesNotContainKey("lazy");
        put.block();
        assertThat(kv.snapshot()).containsEntry("lazy", "x");
    }

    @Test
    void snapshotIsACopy() {
        Map<String, String> snapshot = kv.snapshot();
        perform(Effects.dbDelete("todo:1")).block();

        assertThat(snapshot).containsKey("todo:1");
    }

    @Test
    void registerOnKeepsOtherHandlers() {
        EffectHandler<CacheGet> cache = (e, c) -> Mono.just("cached");

        EffectHandlers combined = kv.registerOn(EffectHandlers.builder().on(CacheGet.class, cache)).build();

        assertThat(combined.types()).hasSize(5);
        assertThat(combined.find(Effects.cacheGet("k"))).isSameAs(cache);
    }

    private Mono<Object> perform(Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler for %s", effect.kind()).isNotNull();
        return handler.perform(effect, CONTEXT).cast(Object.class);
    }

    private static KeyValue entry(String key) {
        return new KeyValue(key, "v-" + key);
    }
}
