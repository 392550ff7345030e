package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import reactor.core.publisher.Mono;

/** How an unavailable or locked database fails effects, and what the meters record. */
class JdbcKvFailureTests {

    @TempDir
    Path dir;

    private static Mono<Object> perform(EffectHandlers handlers, Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).isNotNull();
        return handler.perform(effect, KvHarness.CONTEXT).cast(Object.class);
    }

    private static ZerverError failure(EffectHandlers handlers, Effect effect) {
        try {
            perform(handlers, effect).block(KvHarness.WAIT);
        } catch (ZerverException e) {
            return e.error();
        }
        throw new AssertionError("expected " + effect.kind() + " to fail");
    }

    @Test
    void unreachableDatabaseFailsWithUpstreamUnavailable() {
        try (KvHarness h = KvHarness.open(dir)) {
            h.dataSource.close();

            assertThat(h.failure(Effects.dbGet("k")))
                    .isEqualTo(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "db", "unavailable"));
            assertThat(h.failure(Effects.dbPut("k", "v")).kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        }
    }

    @Test
    void writerLockedOutPastTheBusyTimeoutFailsWithUpstreamUnavailableWhileReadsGoOn() throws Exception {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setBusyTimeout(100);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("locked.db"));
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(3);
        try (HikariDataSource ds = new HikariDataSource(config);
                JdbcKvEffects kv = JdbcKvEffects.create(ds, JdbcKvConfig.defaults())) {
            EffectHandlers handlers = kv.handlers();
            perform(handlers, Effects.dbPut("k", "v")).block(KvHarness.WAIT);
            try (Connection holder = ds.getConnection(); Statement s = holder.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    long start = System.nanoTime();
                    assertThat(failure(handlers, Effects.dbPut("k", "w")))
                            .isEqualTo(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "db", "unavailable"));
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited the busy timeout")
                            .isGreaterThanOrEqualTo(Duration.ofMillis(90));
                    assertThat(perform(handlers, Effects.dbGet("k")).block(KvHarness.WAIT)).isEqualTo("v");
                } finally {
                    s.execute("ROLLBACK");
                }
            }
            assertThat(perform(handlers, Effects.dbPut("k", "w")).block(KvHarness.WAIT)).isEqualTo(true);
        }
    }

    @Test
    void metersTimeEachOperationByOutcomeAndCountThoseInFlight() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource ds = SqliteDataSources.create(dir.resolve("metered.db"), 2);
                JdbcKvEffects kv = JdbcKvEffects.create(ds, JdbcKvConfig.defaults(), registry)) {
            EffectHandlers handlers = kv.handlers();
            perform(handlers, Effects.dbPut("k", "v")).block(KvHarness.WAIT);
            perform(handlers, Effects.dbPut("k", "w")).block(KvHarness.WAIT);
            perform(handlers, Effects.dbScan("", 10)).block(KvHarness.WAIT);
            failure(handlers, Effects.dbGet("missing"));

            assertThat(registry.get("zerver.db.operations").tags("op", "put", "outcome", "success").timer().count())
                    .isEqualTo(2);
            assertThat(registry.get("zerver.db.operations").tags("op", "scan", "outcome", "success").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get("zerver.db.operations").tags("op", "get", "outcome", "not_found").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get("zerver.db.in_flight").gauge().value()).isZero();
        }
    }

    @Test
    void aCancelledOperationIsMeteredOnceAsCancelledEvenWhenItsCallEndsLater() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource pool = SqliteDataSources.create(dir.resolve("cancelled.db"), 1)) {
            GatedDataSource ds = new GatedDataSource(pool);
            try (JdbcKvEffects kv = JdbcKvEffects.create(ds, JdbcKvConfig.defaults().withThreads(1), registry)) {
                EffectHandlers handlers = kv.handlers();
                perform(handlers, Effects.dbPut("k", "v")).block(KvHarness.WAIT);
                ds.close();

                var subscription = perform(handlers, Effects.dbGet("k")).subscribe(value -> { }, error -> { });
                await().atMost(KvHarness.WAIT).until(() -> ds.waiting.get() == 1);
                subscription.dispose();
                ds.open();
                // One JDBC thread: this get runs once the cancelled one has ended.
                assertThat(perform(handlers, Effects.dbGet("k")).block(KvHarness.WAIT)).isEqualTo("v");

                assertThat(registry.get("zerver.db.operations").tags("op", "get", "outcome", "cancelled").timer()
                        .count()).isEqualTo(1);
                assertThat(registry.get("zerver.db.operations").tags("op", "get", "outcome", "success").timer()
                        .count()).isEqualTo(1);
                assertThat(registry.get("zerver.db.in_flight").gauge().value()).isZero();
            }
        }
    }

    @Test
    void anOperationRefusedByAFullQueueIsMeteredAsOverloaded() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource pool = SqliteDataSources.create(dir.resolve("full.db"), 1)) {
            GatedDataSource ds = new GatedDataSource(pool);
            JdbcKvConfig config = JdbcKvConfig.defaults().withThreads(1).withQueuedTasksPerThread(1);
            try (JdbcKvEffects kv = JdbcKvEffects.create(ds, config, registry)) {
                EffectHandlers handlers = kv.handlers();
                perform(handlers, Effects.dbPut("k", "v")).block(KvHarness.WAIT);
                ds.close();
                var running = perform(handlers, Effects.dbGet("k")).toFuture();
                await().atMost(KvHarness.WAIT).until(() -> ds.waiting.get() == 1);
                var queued = perform(handlers, Effects.dbGet("k")).toFuture();

                assertThat(failure(handlers, Effects.dbGet("k")))
                        .isEqualTo(ZerverError.of(ErrorKind.OVERLOADED, "db", "queue_full"));
                ds.open();
                assertThat(running).succeedsWithin(KvHarness.WAIT).isEqualTo("v");
                assertThat(queued).succeedsWithin(KvHarness.WAIT).isEqualTo("v");

                assertThat(registry.get("zerver.db.operations").tags("op", "get", "outcome", "overloaded").timer()
                        .count()).isEqualTo(1);
                assertThat(registry.get("zerver.db.operations").tags("op", "get", "outcome", "success").timer()
                        .count()).isEqualTo(2);
                assertThat(registry.get("zerver.db.in_flight").gauge().value()).isZero();
            }
        }
    }
}
