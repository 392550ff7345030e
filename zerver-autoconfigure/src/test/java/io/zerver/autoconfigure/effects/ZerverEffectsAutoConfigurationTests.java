package io.zerver.autoconfigure.effects;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.FileJsonRead;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.jdbc.SqliteDataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

class ZerverEffectsAutoConfigurationTests {

    private static final Slot<Boolean> SAVED = Slot.of("saved", Boolean.class);
    private static final Slot<String> VALUE = Slot.of("value", String.class);

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(EffectsAutoConfigurations.WITH_ENGINE)
            .withClassLoader(EffectsAutoConfigurations.NO_EMBEDDED_DATABASE);

    @Configuration(proxyBeanMethods = false)
    static class KvRoutes {

        @Bean
        ZerverRoutes kv() {
            Step save = Step.named("save").writes(SAVED).run(ctx -> Decision.need(Effects.dbPut("k", "stored")
                    .into(SAVED)));
            Step load = Step.named("load").reads(SAVED).writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k")
                    .into(VALUE)));
            Step answer = Step.named("answer").reads(VALUE).run(ctx ->
                    Decision.done(Response.text(200, ctx.require(VALUE))));
            return routes -> routes.post("/kv", r -> r.steps(save, load, answer));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AppDataSource {

        static Path file;

        @Bean(destroyMethod = "close")
        HikariDataSource appDataSource() {
            return SqliteDataSources.create(file, 2);
        }
    }

    @Test
    void embedsAnSqliteFileUnderTheDataDirWhenTheAppHasNoDataSource() {
        runner.withUserConfiguration(KvRoutes.class).withPropertyValues("zerver.data.dir=" + dir).run(context -> {
            assertThat(context).hasBean("zerverSqliteDataSource");
            assertThat(post(context.getBean(Engine.class))).isEqualTo("stored");
            assertThat(Files.exists(dir.resolve("zerver.db"))).isTrue();
        });
    }

    @Test
    void usesTheApplicationsDataSource() {
        AppDataSource.file = dir.resolve("app.db");
        runner.withUserConfiguration(KvRoutes.class, AppDataSource.class)
                .withPropertyValues("zerver.data.dir=" + dir.resolve("unused")).run(context -> {
                    assertThat(context).doesNotHaveBean("zerverSqliteDataSource")
                            .hasSingleBean(DataSource.class);
                    assertThat(post(context.getBean(Engine.class))).isEqualTo("stored");
                    assertThat(Files.exists(dir.resolve("app.db"))).isTrue();
                    assertThat(Files.exists(dir.resolve("unused").resolve("zerver.db"))).isFalse();
                });
    }

    @Test
    void leavesAConfiguredDataSourceUrlToSpringBoot() {
        runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("x.db"),
                "zerver.data.dir=" + dir).run(context -> {
                    assertThat(context).doesNotHaveBean("zerverSqliteDataSource");
                    assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(DbGet.class);
                });
    }

    @Test
    void servesEveryFamilyByDefault() {
        runner.withPropertyValues("zerver.data.dir=" + dir).run(context -> assertThat(
                context.getBean(EffectHandlers.class).types())
                .contains(DbGet.class, HttpCall.class, FileJsonRead.class, CacheGet.class));
    }

    @Test
    void familiesCanBeSwitchedOff() {
        runner.withPropertyValues("zerver.data.dir=" + dir, "zerver.effects.db.enabled=false",
                "zerver.effects.http.enabled=false", "zerver.effects.file.enabled=false",
                "zerver.effects.cache.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean("zerverSqliteDataSource");
                    assertThat(context.getBean(EffectHandlers.class).types()).isEmpty();
                });
    }

    @Test
    void anApplicationsEffectFamilyAddsItsHandlersAfterZervers() {
        EffectHandler<CacheGet> mine = (effect, context) -> Mono.just("mine");
        runner.withPropertyValues("zerver.data.dir=" + dir)
                .withBean("appFamily", EffectFamily.class, () -> EffectFamily.of(mine,
                        (handler, handlers) -> handlers.on(CacheGet.class, handler)))
                .run(context -> {
                    EffectHandlers handlers = context.getBean(EffectHandlers.class);
                    assertThat(handlers.types()).contains(DbGet.class, HttpCall.class, CacheGet.class);
                    assertThat(handlers.find(Effects.cacheGet("k"))).isSameAs(mine);
                });
    }

    @Test
    void anApplicationsEffectHandlersReplaceEveryFamily() {
        EffectHandlers mine = EffectHandlers.builder().on(CacheGet.class, (effect, context) -> Mono.just("x")).build();
        runner.withPropertyValues("zerver.data.dir=" + dir).withBean(EffectHandlers.class, () -> mine)
                .run(context -> {
                    assertThat(context.getBean(EffectHandlers.class)).isSameAs(mine);
                    assertThat(context.getBean(Engine.class)).isNotNull();
                });
    }

    @Test
    void invalidTableNameStopsStartUp() {
        runner.withPropertyValues("zerver.data.dir=" + dir, "zerver.effects.db.table=x; DROP TABLE y")
                .run(context -> assertThat(context).hasFailed());
    }

    private static String post(Engine engine) {
        return engine.handle(Request.of("POST", "/kv")).map(Response::bodyAsString).block(Duration.ofSeconds(10));
    }
}
