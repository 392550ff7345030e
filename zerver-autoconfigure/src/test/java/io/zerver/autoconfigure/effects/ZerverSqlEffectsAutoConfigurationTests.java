package io.zerver.autoconfigure.effects;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.SqlQuery;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.effects.jdbc.SqliteDataSources;
import io.zerver.effects.sql.SqlEffects;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

class ZerverSqlEffectsAutoConfigurationTests {

    private static final EffectContext CONTEXT = new EffectContext("r1", 1, Duration.ofSeconds(5));

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = EffectsAutoConfigurations.runner(dir);

    @Test
    void withoutADataSourceOfItsOwnTheApplicationsStatementsRunOnZerversSqliteFile() {
        runner.withPropertyValues("zerver.data.dir=" + dir.resolve("own")).run(context -> {
            assertThat(context).hasSingleBean(SqlEffects.class);
            EffectHandlers handlers = context.getBean(EffectHandlers.class);
            perform(handlers, Effects.sql("CREATE TABLE note (text TEXT)").update());
            perform(handlers, Effects.sql("INSERT INTO note VALUES (:text)").param("text", "milk").update());
            assertThat(perform(handlers, Effects.sql("SELECT text FROM note").one(String.class))).isEqualTo("milk");
        });
    }

    @Test
    void aStatementRunsOnThePrimaryDataSourceOrTheOneItNames() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            EffectHandlers handlers = context.getBean(EffectHandlers.class);
            perform(handlers, Effects.sql("CREATE TABLE t (name TEXT)").update());
            perform(handlers, Effects.sql("INSERT INTO t VALUES ('main')").update());
            perform(handlers, Effects.sql("CREATE TABLE t (name TEXT)").on("reports").update());
            perform(handlers, Effects.sql("INSERT INTO t VALUES ('reports')").on("reports").update());

            SqlQuery name = Effects.sql("SELECT name FROM t").one(String.class);
            assertThat(perform(handlers, name)).isEqualTo("main");
            assertThat(perform(handlers, Effects.sql("SELECT name FROM t").on("reports").one(String.class)))
                    .isEqualTo("reports");
            assertThat(requireNonNull(context.getBean("main", HikariDataSource.class).getJdbcUrl()))
                    .endsWith("main.db");
        });
    }

    @Test
    void switchedOffTheFamilyServesNoStatements() {
        runner.withPropertyValues("zerver.effects.sql.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SqlEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(SqlQuery.class);
        });
    }

    @Test
    void noThreadsIsRefusedAtBinding() {
        runner.withPropertyValues("zerver.effects.sql.threads=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("zerver.effects.sql.threads");
        });
    }

    @Test
    void aMissingDataSourceNameFailsTheStatementSayingWhich() {
        runner.run(context -> {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> perform(
                    context.getBean(EffectHandlers.class), Effects.sql("SELECT 1").on("nowhere").one(Long.class)));
            assertThat(((ZerverException) thrown).error())
                    .isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "sql", "no_datasource:nowhere"));
        });
    }

    private static @Nullable Object perform(EffectHandlers handlers, Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler of %s", effect.kind()).isNotNull();
        return requireNonNull(handler).perform(effect, CONTEXT).block(Duration.ofSeconds(10));
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean(destroyMethod = "close")
        @Primary
        HikariDataSource main() {
            return SqliteDataSources.create(dir.resolve("main.db"), 1);
        }

        @Bean(destroyMethod = "close")
        HikariDataSource reports() {
            return SqliteDataSources.create(dir.resolve("reports.db"), 1);
        }
    }
}
