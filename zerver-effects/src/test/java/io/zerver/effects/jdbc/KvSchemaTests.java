package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * How the key/value store finds its tables ({@link SchemaInitialization}) on the embedded
 * databases, the scripts shipped for a DBA, and a database it has no dialect for. PostgreSQL's
 * cases are in {@link JdbcKvOnPostgresTests}.
 */
class KvSchemaTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theShippedScriptCreatesWhatTheStoreWouldCreate(Dialect dialect) throws IOException {
        KvSql sql = KvSql.of(dialect, JdbcKvConfig.DEFAULT_TABLE, JdbcKvConfig.DEFAULT_IDEMPOTENCY_TABLE);
        String script = new ClassPathResource("io/zerver/effects/jdbc/schema-" + dialect.id() + ".sql")
                .getContentAsString(StandardCharsets.UTF_8);

        List<String> statements = Arrays.stream(script.split("\n"))
                .filter(line -> !line.startsWith("--") && !line.isBlank())
                .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
                .toList();

        assertThat(statements).containsExactly(sql.createTable(), sql.createIdempotencyTable());
    }

    @Test
    void anEmbeddedDatabaseGetsItsTablesByDefault() {
        try (KvHarness sqlite = KvHarness.open(dir)) {
            sqlite.kv.initialize();

            assertThat(sqlite.queryString("SELECT count(*) FROM sqlite_master WHERE name LIKE 'zerver%'"))
                    .isEqualTo("2");
        }
    }

    @Test
    void theStoreSaysWhenItCannotServe() {
        try (KvHarness sqlite = KvHarness.open(dir)) {
            sqlite.kv.initialize();
            assertThat(sqlite.kv.problem()).isEmpty();

            sqlite.sql("DROP TABLE zerver_kv");

            assertThat(sqlite.kv.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("zerver_kv cannot be read: ").doesNotContain("zerver_idempotency"));
        }
    }

    @Test
    void neverCreatesNothingAndSaysWhichScriptToRun() {
        try (KvHarness sqlite = KvHarness.open(dir,
                JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.NEVER))) {
            assertThatThrownBy(sqlite.kv::initialize).isInstanceOf(UnusableDatabaseException.class)
                    .hasMessageContaining("classpath:io/zerver/effects/jdbc/schema-sqlite.sql");
            // An effect meets the same answer, not a missing table's SQL error.
            assertThat(sqlite.failure(Effects.dbGet("k")))
                    .isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "db", "unusable_database"));
            assertThat(sqlite.queryString("SELECT count(*) FROM sqlite_master")).isEqualTo("0");
        }
    }

    @Test
    void tablesADbaCreatedWithTheShippedScriptAreUsedAsTheyAre() {
        HikariDataSource h2 = h2();
        new ResourceDatabasePopulator(new ClassPathResource("io/zerver/effects/jdbc/schema-h2.sql")).execute(h2);
        try (KvHarness kv = KvHarness.on(h2,
                JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.NEVER))) {
            kv.kv.initialize();

            assertThat(kv.call(Effects.dbPut("k", "v"))).isEqualTo(true);
            assertThat(kv.call(Effects.dbGet("k"))).isEqualTo("v");
        }
    }

    @Test
    void aDatabaseWithoutADialectFailsTheStartNamingIt() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:hsqldb:mem:" + UUID.randomUUID());
        pool.setUsername("SA");
        try (KvHarness hsql = KvHarness.on(new HikariDataSource(pool),
                JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.ALWAYS))) {
            assertThatThrownBy(hsql.kv::initialize).isInstanceOf(UnusableDatabaseException.class)
                    .hasMessageContaining("SQLite, PostgreSQL and H2, not on HSQL Database Engine")
                    .hasMessageContaining("zerver.effects.db.enabled=false");
        }
    }

    private static HikariDataSource h2() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setMaximumPoolSize(2);
        return new HikariDataSource(pool);
    }
}
