package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Where JDBC runs, what a full queue answers, and many writers on one SQLite file. */
class JdbcKvConcurrencyTests {

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private HikariDataSource sqlite(int poolSize) {
        HikariDataSource ds = SqliteDataSources.create(dir.resolve("kv.db"), poolSize);
        resources.add(ds);
        return ds;
    }

    private EffectHandlers handlers(DataSource ds, JdbcKvConfig config) {
        JdbcKvEffects kv = JdbcKvEffects.create(ds, config);
        resources.add(kv);
        return kv.handlers();
    }

    private static Mono<Object> perform(EffectHandlers handlers, Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).isNotNull();
        return handler.perform(effect, KvHarness.CONTEXT).cast(Object.class);
    }

    @Test
    void runsJdbcOffTheCallerThread() {
        GatedDataSource ds = new GatedDataSource(sqlite(2));
        EffectHandlers handlers = handlers(ds, JdbcKvConfig.defaults());

        Object answer = Mono.defer(() -> perform(handlers, Effects.dbPut("k", "v")))
                .then(Mono.defer(() -> perform(handlers, Effects.dbGet("k"))))
                .subscribeOn(Schedulers.parallel())
                .block(KvHarness.WAIT);

        assertThat(answer).isEqualTo("v");
        assertThat(ds.threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("zerver-jdbc"));
        assertThat(ds.onNonBlockingThreads).hasValue(0);
    }

    @Test
    void runsNothingUntilSubscribed() {
        GatedDataSource ds = new GatedDataSource(sqlite(1));
        EffectHandlers handlers = handlers(ds, JdbcKvConfig.defaults());

        perform(handlers, Effects.dbPut("k", "v"));
        perform(handlers, Effects.dbScan("", 10));

        assertThat(ds.threads).isEmpty();
    }

    @Test
    void failsWithOverloadedWhenTheQueueIsFull() {
        GatedDataSource ds = new GatedDataSource(sqlite(1));
        EffectHandlers handlers = handlers(ds, JdbcKvConfig.defaults().withThreads(1).withQueuedTasksPerThread(1));
        perform(handlers, Effects.dbPut("warm", "up")).block(KvHarness.WAIT);
        ds.close();

        var running = perform(handlers, Effects.dbPut("a", "1")).toFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> ds.waiting.get() == 1);
        var queued = perform(handlers, Effects.dbPut("b", "2")).toFuture();

        assertThat(catchZerver(() -> perform(handlers, Effects.dbGet("a")).block(KvHarness.WAIT)))
                .isEqualTo(ZerverError.of(ErrorKind.OVERLOADED, "db", "queue_full"));
        ds.open();
        assertThat(running).succeedsWithin(KvHarness.WAIT).isEqualTo(true);
        assertThat(queued).succeedsWithin(KvHarness.WAIT).isEqualTo(true);
    }

    @Test
    void concurrentWritersAndReadersAllSucceed() throws Exception {
        EffectHandlers handlers = handlers(sqlite(4), JdbcKvConfig.defaults());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    perform(handlers, Effects.dbPut("w" + thread + ":" + i, "v" + i)).block(KvHarness.WAIT);
                }
            }));
        }
        Future<Integer> reader = pool.submit(() -> {
            int reads = 0;
            while (writing.get()) {
                perform(handlers, Effects.dbScan("w", 50)).block(KvHarness.WAIT);
                perform(handlers, Effects.dbGet("w0:0")).onErrorResume(ZerverException.class, e -> Mono.empty())
                        .block(KvHarness.WAIT);
                reads++;
            }
            return reads;
        });
        for (Future<?> writer : writers) {
            writer.get(30, TimeUnit.SECONDS);
        }
        writing.set(false);

        assertThat(reader.get(10, TimeUnit.SECONDS)).isPositive();
        @SuppressWarnings("unchecked")
        List<KeyValue> all = (List<KeyValue>) perform(handlers, Effects.dbScan("w", 1000)).block(KvHarness.WAIT);
        assertThat(all).hasSize(800);
        assertThat(all).contains(new KeyValue("w3:199", "v199"), new KeyValue("w0:0", "v0"));
    }

    @Test
    void concurrentReadThenWriteTransactionsOnOneKeyNeverFailBusy() throws Exception {
        // Two pools on one file stand for two processes; every idempotent write reads its
        // record, then writes, in one transaction: deferred, these would fail with SQLITE_BUSY.
        List<EffectHandlers> stores = List.of(handlers(sqlite(4), JdbcKvConfig.defaults()),
                handlers(sqlite(4), JdbcKvConfig.defaults()));
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            EffectHandlers handlers = stores.get(t % 2);
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    Effect write = i % 5 == 4
                            ? Effects.dbDelete("hot").idempotencyKey("d-" + thread + "-" + i)
                            : Effects.dbPut("hot", thread + ":" + i).idempotencyKey("p-" + thread + "-" + i);
                    perform(handlers, write).block(KvHarness.WAIT);
                }
            }));
        }

        for (Future<?> writer : writers) {
            writer.get(30, TimeUnit.SECONDS);
        }
        assertThat(perform(stores.get(0), Effects.dbPut("hot", "last")).block(KvHarness.WAIT)).isEqualTo(true);
        assertThat(perform(stores.get(1), Effects.dbGet("hot")).block(KvHarness.WAIT)).isEqualTo("last");
    }

    private static ZerverError catchZerver(Runnable action) {
        try {
            action.run();
        } catch (ZerverException e) {
            return e.error();
        }
        throw new AssertionError("expected a ZerverException");
    }
}
