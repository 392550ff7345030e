package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The key/value effects on a real PostgreSQL 16, which has PostgreSQL 15's stricter
 * {@code public} schema: every case of {@link JdbcKvContractTests}, which SQLite and H2 answer
 * alike, then PostgreSQL's own below, as a new user meets them: many processes starting at once
 * on an empty database, and a least-privilege user whose tables a DBA created.
 */
class JdbcKvOnPostgresTests extends JdbcKvContractTests {

    @Override
    KvHarness open(Path dir, JdbcKvConfig config) {
        return KvHarness.on(Postgres.newPool(4), config.withInitializeSchema(SchemaInitialization.ALWAYS));
    }

    @Test
    void eightProcessesStartingAtOnceOnAnEmptyDatabaseAllServe() throws Exception {
        String database = Postgres.newDatabase();
        List<KvHarness> pools = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pools.add(KvHarness.on(Postgres.pool(database, "postgres", "postgres", 2),
                    JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.ALWAYS)));
        }
        ExecutorService starts = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Object>> started = new ArrayList<>();
            for (int i = 0; i < pools.size(); i++) {
                KvHarness pool = pools.get(i);
                String key = "pool:" + i;
                started.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    pool.kv.initialize();
                    return pool.call(Effects.dbPut(key, "up"));
                }, starts));
            }
            go.countDown();
            for (CompletableFuture<Object> start : started) {
                assertThat(start.get(30, TimeUnit.SECONDS)).isEqualTo(true);
            }
            assertThat(pools.get(0).call(Effects.dbScan("pool:", 10))).asList().hasSize(8);
        } finally {
            starts.shutdownNow();
            pools.forEach(KvHarness::close);
        }
    }

    @ParameterizedTest
    @EnumSource(SchemaInitialization.class)
    void aUserWithoutCreateOnTheSchemaServesFromTablesADbaCreated(SchemaInitialization mode) {
        String database = Postgres.newDatabase();
        String user = "app_" + mode.name().toLowerCase(java.util.Locale.ROOT);
        try (HikariDataSource dba = Postgres.pool(database, "postgres", "postgres", 1)) {
            KvHarness.sql(dba, "CREATE ROLE " + user + " LOGIN PASSWORD 'secret'");
            new ResourceDatabasePopulator(new ClassPathResource("io/zerver/effects/jdbc/schema-postgresql.sql"))
                    .execute(dba);
            KvHarness.sql(dba, "GRANT SELECT, INSERT, UPDATE, DELETE ON zerver_kv, zerver_idempotency TO " + user);
        }
        try (KvHarness app = KvHarness.on(Postgres.pool(database, user, "secret", 2),
                JdbcKvConfig.defaults().withInitializeSchema(mode))) {
            assertThat(app.queryString("SHOW server_version")).startsWith("16.");
            // PostgreSQL 15 and later: a user other than the owner cannot create in public.
            assertThatThrownBy(() -> app.sql("CREATE TABLE probe (id INT)")).hasStackTraceContaining(
                    "permission denied for schema public");

            app.kv.initialize();

            assertThat(app.call(Effects.dbPut("todo:1", "milk").idempotencyKey("req-1"))).isEqualTo(true);
            assertThat(app.call(Effects.dbPut("todo:1", "eggs").idempotencyKey("req-1"))).isEqualTo(true);
            assertThat(app.call(Effects.dbGet("todo:1"))).isEqualTo("milk");
            assertThat(app.call(Effects.dbScan("todo:", 10))).isEqualTo(List.of(new KeyValue("todo:1", "milk")));
            assertThat(app.call(Effects.dbDelete("todo:1"))).isEqualTo(true);
        }
    }

    @Test
    void concurrentWritersAndReadersAllSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 100; i++) {
                        h.call(Effects.dbPut("w" + writer + ":" + i, "v" + i));
                        if (i % 10 == 0) {
                            h.call(Effects.dbPut("shared", "w" + writer + ":" + i));
                        }
                    }
                }, threads));
            }
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                int reads = 0;
                while (writers.stream().anyMatch(w -> !w.isDone())) {
                    h.call(Effects.dbScan("w", 50));
                    reads++;
                }
                return reads;
            }, threads);
            for (CompletableFuture<Void> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }

            assertThat(reader.get(10, TimeUnit.SECONDS)).isPositive();
            assertThat(h.call(Effects.dbScan("w", 1000))).asList().hasSize(400)
                    .contains(new KeyValue("w3:99", "v99"), new KeyValue("w0:0", "v0"));
            assertThat((String) h.call(Effects.dbGet("shared"))).startsWith("w");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aUserWhoMayOnlyReadTheTablesIsAProblemTheStoreReports() {
        String database = Postgres.newDatabase();
        try (HikariDataSource dba = Postgres.pool(database, "postgres", "postgres", 1)) {
            KvHarness.sql(dba, "CREATE ROLE reader LOGIN PASSWORD 'secret'");
            new ResourceDatabasePopulator(new ClassPathResource("io/zerver/effects/jdbc/schema-postgresql.sql"))
                    .execute(dba);
            KvHarness.sql(dba, "GRANT SELECT ON zerver_kv, zerver_idempotency TO reader");
        }
        try (KvHarness reader = KvHarness.on(Postgres.pool(database, "reader", "secret", 1),
                JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.NEVER))) {
            reader.kv.initialize();

            assertThat(reader.kv.problem()).contains("zerver_kv: the user may not INSERT, UPDATE and DELETE;"
                    + " zerver_idempotency: the user may not INSERT, UPDATE and DELETE");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SchemaInitialization.class, names = { "EMBEDDED", "NEVER" })
    void missingTablesThatMayNotBeCreatedFailTheStartWithTheScriptToRun(SchemaInitialization mode) {
        try (KvHarness fresh = KvHarness.on(Postgres.newPool(1), JdbcKvConfig.defaults().withInitializeSchema(mode))) {
            assertThatThrownBy(fresh.kv::initialize)
                    .isInstanceOf(UnusableDatabaseException.class)
                    .hasMessageContaining("[zerver_kv, zerver_idempotency] do not exist")
                    .hasMessageContaining("classpath:io/zerver/effects/jdbc/schema-postgresql.sql")
                    .hasMessageContaining("zerver.effects.db.initialize-schema=always");
            assertThat(fresh.queryString("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'zerver%'"))
                    .isEqualTo("0");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
