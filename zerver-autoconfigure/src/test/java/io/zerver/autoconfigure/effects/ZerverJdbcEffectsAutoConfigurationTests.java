package io.zerver.autoconfigure.effects;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SchemaInitialization;
import io.zerver.effects.jdbc.UnusableDatabaseException;
import io.zerver.effects.jdbc.SqliteDataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.Effects;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

class ZerverJdbcEffectsAutoConfigurationTests {

    private static final EffectContext CONTEXT = new EffectContext("r1", 1, Duration.ofSeconds(5));

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = EffectsAutoConfigurations.runner(dir);

    @Test
    void servesTheDbEffectsWhenSpringJdbcIsPresent() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(JdbcKvEffects.class).hasBean("zerverSqliteDataSource");
            assertThat(context.getBean(EffectHandlers.class).types()).contains(DbGet.class);
        });
    }

    @Test
    void tablesAndThreadsAreMappedOntoJdbcKvConfig() {
        ZerverJdbcEffectsProperties db = new ZerverJdbcEffectsProperties(true, "pairs", "outcomes", 3, 4, "",
                DatabaseInitializationMode.NEVER);

        assertThat(ZerverJdbcEffectsAutoConfiguration.jdbcKvConfig(db))
                .isEqualTo(JdbcKvConfig.defaults().withTable("pairs").withIdempotencyTable("outcomes").withThreads(3)
                        .withInitializeSchema(SchemaInitialization.NEVER));
    }

    @Test
    void tableNamesSwappedWithEachOthersDefaultStartTheDbEffects() {
        runner.withPropertyValues("zerver.data.dir=" + dir.resolve("swapped"), "zerver.effects.db.table=zerver_idempotency",
                "zerver.effects.db.idempotency-table=zerver_kv").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcKvEffects.class);
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(DbGet.class);
                });
    }

    @Test
    void theEmbeddedSqliteFileIsPooledAsConfiguredUnderTheDataDir() {
        runner.withPropertyValues("zerver.data.dir=" + dir.resolve("pooled"), "zerver.effects.db.sqlite-pool-size=2")
                .run(context -> {
                    HikariDataSource sqlite = context.getBean("zerverSqliteDataSource", HikariDataSource.class);
                    assertThat(sqlite.getMaximumPoolSize()).isEqualTo(2);
                    assertThat(sqlite.getJdbcUrl()).endsWith(dir.resolve("pooled").resolve("zerver.db").toString());
                });
    }

    @Test
    void withoutSpringJdbcTheFamilyAndItsSqliteFileAreLeftOutAndTheEngineStarts() {
        runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
                .withPropertyValues("zerver.data.dir=" + dir.resolve("without-jdbc")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).doesNotHaveBean(JdbcKvEffects.class)
                    .doesNotHaveBean(DataSource.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(DbGet.class)
                    .contains(HttpCall.class);
            assertThat(Files.exists(dir.resolve("without-jdbc").resolve("zerver.db"))).isFalse();
        });
    }

    @Test
    void withoutSqliteJdbcTheDbEffectsRunOnTheApplicationsDataSource() {
        runner.withClassLoader(new FilteredClassLoader("org.sqlite")).withUserConfiguration(AppDataSource.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean("zerverSqliteDataSource").hasSingleBean(JdbcKvEffects.class);
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(DbGet.class);
                });
    }

    @Test
    void withoutSqliteJdbcAndADataSourceTheDbEffectsAreOffAndTheEngineStarts() {
        runner.withClassLoader(new FilteredClassLoader("org.sqlite")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).doesNotHaveBean(DataSource.class)
                    .doesNotHaveBean(JdbcKvEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(DbGet.class);
        });
    }

    @Test
    void anApplicationsJdbcKvEffectsReplacesZervers() {
        runner.withUserConfiguration(AppDataSource.class, AppKvEffects.class).run(context -> {
            JdbcKvEffects mine = context.getBean("appKvEffects", JdbcKvEffects.class);
            assertThat(context).hasSingleBean(JdbcKvEffects.class);
            assertThat(context.getBean(ZerverEffects.class).family(JdbcKvEffects.class)).containsSame(mine);
            assertThat(context.getBean(EffectHandlers.class).types()).contains(DbGet.class);
        });
    }

    @Test
    void twoDataSourcesWithoutAPrimaryFailTheStartSayingWhatToDo() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("the application has [one, two], none of them @Primary")
                    .hasMessageContaining("zerver.effects.db.data-source");
        });
    }

    @Test
    void theDataSourceNamedServesTheDbEffects() {
        runner.withUserConfiguration(TwoDataSources.class).withPropertyValues("zerver.effects.db.data-source=two")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcKvEffects.class);
                    EffectHandlers handlers = context.getBean(EffectHandlers.class);
                    assertThat(perform(handlers, Effects.dbPut("k", "v"))).isEqualTo(true);
                    assertThat(new JdbcTemplate(context.getBean("two", DataSource.class))
                            .queryForObject("SELECT value FROM zerver_kv WHERE key = 'k'", String.class)).isEqualTo("v");
                });
    }

    @Test
    void aDataSourceNameThatIsNoBeanFailsTheStart() {
        runner.withUserConfiguration(TwoDataSources.class).withPropertyValues("zerver.effects.db.data-source=three")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("'three', which is no DataSource bean: the DataSource beans are [one, two]"));
    }

    @Test
    void thePrimaryOfSeveralDataSourcesServesTheDbEffects() {
        runner.withUserConfiguration(TwoDataSources.class, PrimaryDataSource.class).run(context -> {
            assertThat(context).hasSingleBean(JdbcKvEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).contains(DbGet.class);
        });
    }

    @Test
    void switchedOffTheFamilyServesNoDbEffectsEvenWithADataSource() {
        runner.withUserConfiguration(AppDataSource.class).withPropertyValues("zerver.effects.db.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(JdbcKvEffects.class);
                    assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(DbGet.class);
                });
    }

    @Test
    void anApplicationWithAnEmbeddedDatabaseOfItsOwnKeepsItsDataThereAndGetsNoSqliteFile() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(EffectsAutoConfigurations.WITH_ENGINE)
                .withPropertyValues("zerver.data.dir=" + dir.resolve("with-h2")).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("zerverSqliteDataSource")
                            .hasSingleBean(DataSource.class).hasSingleBean(JdbcKvEffects.class);
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).startsWith("jdbc:h2:mem:");
                    EffectHandlers handlers = context.getBean(EffectHandlers.class);
                    assertThat(perform(handlers, Effects.dbPut("k", "v"))).isEqualTo(true);
                    assertThat(perform(handlers, Effects.dbGet("k"))).isEqualTo("v");
                    assertThat(Files.exists(dir.resolve("with-h2").resolve("zerver.db"))).isFalse();
                });
    }

    @Test
    void tablesThatMayNotBeCreatedFailTheStartWithWhatToDo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(EffectsAutoConfigurations.WITH_ENGINE)
                .withPropertyValues("zerver.data.dir=" + dir.resolve("never"), "zerver.effects.db.initialize-schema=never")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(UnusableDatabaseException.class)
                            .hasMessageContaining("[zerver_kv, zerver_idempotency] do not exist")
                            .hasMessageContaining("classpath:io/zerver/effects/jdbc/schema-h2.sql");
                });
    }

    @Test
    void tablesTheApplicationsOwnInitializationCreatesAreThereBeforeTheDbEffectsLook() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceInitializationAutoConfiguration.class))
                .withConfiguration(EffectsAutoConfigurations.WITH_ENGINE)
                .withPropertyValues("zerver.data.dir=" + dir.resolve("sql-init"), "zerver.effects.db.initialize-schema=never",
                        "spring.sql.init.mode=always",
                        "spring.sql.init.schema-locations=" + SchemaInitialization.scriptFor("h2"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcKvEffects.class);
                    EffectHandlers handlers = context.getBean(EffectHandlers.class);
                    assertThat(perform(handlers, Effects.dbPut("k", "v"))).isEqualTo(true);
                    assertThat(perform(handlers, Effects.dbGet("k"))).isEqualTo("v");
                });
    }

    private static @Nullable Object perform(EffectHandlers handlers, Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler of %s", effect.kind()).isNotNull();
        return requireNonNull(handler).perform(effect, CONTEXT).block(Duration.ofSeconds(10));
    }

    @Configuration(proxyBeanMethods = false)
    static class AppDataSource {

        @Bean(destroyMethod = "close")
        HikariDataSource appDataSource() {
            return SqliteDataSources.create(dir.resolve("app.db"), 2);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AppKvEffects {

        @Bean
        JdbcKvEffects appKvEffects(DataSource dataSource) {
            return JdbcKvEffects.create(dataSource, JdbcKvConfig.defaults().withTable("app_kv"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean(destroyMethod = "close")
        HikariDataSource one() {
            return SqliteDataSources.create(dir.resolve("one.db"), 1);
        }

        @Bean(destroyMethod = "close")
        HikariDataSource two() {
            return SqliteDataSources.create(dir.resolve("two.db"), 1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryDataSource {

        @Bean(destroyMethod = "close")
        @Primary
        HikariDataSource main() {
            return SqliteDataSources.create(dir.resolve("main.db"), 1);
        }
    }
}
