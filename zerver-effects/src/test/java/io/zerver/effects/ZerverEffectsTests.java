package io.zerver.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.Compute;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.FileJsonRead;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.cache.CacheEffects;
import io.zerver.effects.cache.CacheEffectsConfig;
import io.zerver.effects.compute.ComputeConfig;
import io.zerver.effects.compute.ComputeEffects;
import io.zerver.effects.file.FileEffects;
import io.zerver.effects.file.FileEffectsConfig;
import io.zerver.effects.http.HttpEffects;
import io.zerver.effects.http.HttpEffectsConfig;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SqliteDataSources;
import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.CacheSet;
import io.zerver.core.effect.EffectHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZerverEffectsTests {

    private static final Slot<Boolean> SAVED = Slot.of("saved", Boolean.class);
    private static final Slot<String> VALUE = Slot.of("value", String.class);

    @Test
    void registersEveryConfiguredFamilyAndClosesThem(@TempDir Path dir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource db = SqliteDataSources.create(dir.resolve("z.db"), 2);
                ZerverEffects effects = ZerverEffects.builder()
                        .family(JdbcKvEffects.create(db, JdbcKvConfig.defaults(), registry), JdbcKvEffects::registerOn)
                        .family(HttpEffects.create(HttpEffectsConfig.defaults()).bindTo(registry),
                                HttpEffects::registerOn)
                        .family(FileEffects.create(FileEffectsConfig.defaults(dir.resolve("files"))),
                                FileEffects::registerOn)
                        .family(CacheEffects.create(CacheEffectsConfig.defaults()), CacheEffects::registerOn)
                        .family(compute(registry), ComputeEffects::registerOn)
                        .build()) {
            assertThat(effects.handlers().types()).contains(DbGet.class, DbPut.class, HttpCall.class,
                    FileJsonRead.class, CacheGet.class, Compute.class);
            assertThat(effects.family(HttpEffects.class)).isPresent();

            Step save = Step.named("save").writes(SAVED).run(ctx -> Decision.need(Effects.dbPut("k", "v")
                    .into(SAVED)));
            Step load = Step.named("load").reads(SAVED).writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k")
                    .into(VALUE)));
            Step answer = Step.named("answer").reads(VALUE).run(ctx ->
                    Decision.done(Response.text(200, ctx.require(VALUE))));
            Engine engine = Engine.builder().routes(RouteTable.builder()
                    .post("/kv", r -> r.steps(save, load, answer)).build())
                    .handlers(effects.handlers()).build();

            Response response = engine.handle(Request.of("POST", "/kv")).block(Duration.ofSeconds(5));

            assertThat(response.bodyAsString()).isEqualTo("v");
            assertThat(registry.find("zerver.compute.active").gauge()).isNotNull();
        }
    }

    @Test
    void nothingConfiguredMeansNoHandlers() {
        try (ZerverEffects effects = ZerverEffects.builder().build()) {
            assertThat(effects.handlers().types()).isEmpty();
            assertThat(effects.family(HttpEffects.class)).isEmpty();
        }
    }

    @Test
    void closesTheFamiliesLastFirstAndEveryOneWhenOneFails() {
        List<String> closed = new ArrayList<>();
        AutoCloseable first = () -> closed.add("first");
        AutoCloseable failing = () -> {
            closed.add("failing");
            throw new IllegalStateException("cannot close");
        };
        AutoCloseable last = () -> closed.add("last");
        ZerverEffects effects = ZerverEffects.builder().family(first, (f, handlers) -> { })
                .family(failing, (f, handlers) -> { }).family(last, (f, handlers) -> { })
                .family("not closeable", (f, handlers) -> { }).build();

        assertThat(catchThrowable(effects::close)).isInstanceOf(IllegalStateException.class)
                .hasMessage("closing effect handlers failed").hasRootCauseMessage("cannot close");
        assertThat(closed).containsExactly("last", "failing", "first");
    }

    @Test
    void aLaterFamilyReplacesTheHandlersOfAnEarlierForTheSameEffect() {
        EffectHandler<CacheSet> mine = (effect, context) -> Mono.just(true);
        try (ZerverEffects effects = ZerverEffects.builder()
                .family(CacheEffects.create(CacheEffectsConfig.defaults()), CacheEffects::registerOn)
                .family(mine, (handler, handlers) -> handlers.on(CacheSet.class, handler)).build()) {
            assertThat(effects.handlers().types()).contains(CacheGet.class, CacheSet.class);
            assertThat(effects.handlers().find(Effects.cacheSet("k", "v", Duration.ofSeconds(1)))).isSameAs(mine);
            assertThat(effects.family(CacheEffects.class)).isPresent();
        }
    }

    private static ComputeEffects compute(SimpleMeterRegistry registry) {
        ComputeEffects compute = ComputeEffects.builder(ComputeConfig.defaults())
                .task("upper", String.class, (s, ctx) -> s.toUpperCase()).build();
        compute.bindTo(registry);
        return compute;
    }
}
