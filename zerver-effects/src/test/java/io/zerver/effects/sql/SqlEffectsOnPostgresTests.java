package io.zerver.effects.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.effects.jdbc.Postgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.test.StepVerifier;

/** The SQL effects on a real PostgreSQL 16, and a timeout that reaches the database. */
class SqlEffectsOnPostgresTests extends SqlEffectsContractTests {

    @Override
    HikariDataSource open(Path dir, String name) {
        return Postgres.newPool(2);
    }

    @Override
    String createTodoTable() {
        return "CREATE TABLE todo (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, owner TEXT NOT NULL,"
                + " title TEXT UNIQUE, done BOOLEAN NOT NULL)";
    }

    @Test
    void theEffectsTimeoutCancelsTheStatementInTheDatabase() {
        var sleep = Effects.sql("SELECT pg_sleep(30)").optional(String.class);
        var handler = handlers.find(sleep);
        assertThat(handler).isNotNull();

        StepVerifier.create(handler.perform(sleep, new EffectContext("r1", 1, Duration.ofMillis(800))))
                .expectErrorSatisfies(e -> assertThat(((ZerverException) e).error())
                        .isEqualTo(ZerverError.of(ErrorKind.TIMEOUT, "sql", "timeout")))
                .verify(Duration.ofSeconds(10));

        assertThat(JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'")
                .query(Long.class).single()).isZero();
    }
}
