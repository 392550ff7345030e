package io.zerver.effects.jdbc;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Handles the DB effects ({@link DbGet}, {@link DbPut}, {@link DbDelete}, {@link DbScan})
 * with a table of a JDBC database: SQLite (see {@link SqliteDataSources}) or one that speaks
 * standard SQL, such as PostgreSQL.
 *
 * <pre>{@code
 * JdbcKvEffects kv = JdbcKvEffects.create(SqliteDataSources.create(dataDir.resolve("zerver.db"), 8),
 *         JdbcKvConfig.defaults());
 * EffectHandlers handlers = kv.registerOn(EffectHandlers.builder()).build();
 * }</pre>
 *
 * <p>Every JDBC call runs on a bounded pool of threads named {@code zerver-jdbc}, never on
 * the subscriber's thread, and only once subscribed to. When all threads are busy and
 * their queue is full, an effect fails at once with Overloaded ("db", "queue_full"). A
 * database that cannot answer fails it with UpstreamUnavailable ("db", "unavailable"),
 * which the engine may retry; a broken constraint with Internal ("db", "constraint"); a
 * missing key with NotFound ("db", key); a scan over {@link JdbcKvConfig#maxScanLimit()}
 * with InvalidInput ("db", "scan_limit").
 *
 * <p>Keys are ordered by code point (the order of their UTF-8 bytes). Writes carrying an
 * idempotency key are applied at most once per key (see {@link DbPut} and {@link DbDelete}).
 * The tables are created on first use. {@link #close()} stops the threads; the
 * {@code DataSource} belongs to the caller.
 */
public final class JdbcKvEffects implements AutoCloseable {

    /** The prefix of the names of the threads JDBC calls run on. */
    public static final String THREAD_NAME = "zerver-jdbc";

    private static final int THREADS_WITHOUT_POOL_SIZE = 10;
    private static final int IDLE_THREAD_TTL_SECONDS = 60;

    private final KvStore store;
    private final JdbcKvConfig config;
    private final Scheduler scheduler;
    private final KvMetrics metrics;
    private final KvMetrics.Operation get;
    private final KvMetrics.Operation put;
    private final KvMetrics.Operation delete;
    private final KvMetrics.Operation scan;
    private volatile boolean closed;

    private JdbcKvEffects(KvStore store, JdbcKvConfig config, Scheduler scheduler, KvMetrics metrics) {
        this.store = store;
        this.config = config;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.get = metrics.operation("get");
        this.put = metrics.operation("put");
        this.delete = metrics.operation("delete");
        this.scan = metrics.operation("scan");
    }

    /** Handlers over {@code dataSource}, without metrics. */
    public static JdbcKvEffects create(DataSource dataSource, JdbcKvConfig config) {
        return create(dataSource, config, null);
    }

    /** Handlers over {@code dataSource}, reporting to {@code registry} when not null. */
    public static JdbcKvEffects create(DataSource dataSource, JdbcKvConfig config, @Nullable MeterRegistry registry) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(config, "config");
        int connections = HikariPools.maximumSize(dataSource, THREADS_WITHOUT_POOL_SIZE);
        int threads = config.threads() > 0 ? config.threads() : connections;
        Scheduler scheduler = jdbcThreads(threads, config.queuedTasksPerThread());
        KvStore store = new KvStore(new Transactions(dataSource, connections), config, Clock.systemUTC());
        return new JdbcKvEffects(store, config, scheduler, new KvMetrics(registry));
    }

    /**
     * {@code threads} threads named {@code zerver-jdbc-<n>}, started when first needed and
     * stopped after a minute idle, taking calls from one queue of {@code threads} times
     * {@code queuedPerThread}; a call beyond it is rejected. One queue, not one per thread as in
     * Reactor's bounded-elastic scheduler: no thread idles while a call waits behind a slow one,
     * and handing a call over costs a queue offer, not a pick among the threads' delay queues.
     */
    private static Scheduler jdbcThreads(int threads, int queuedPerThread) {
        AtomicInteger started = new AtomicInteger();
        int queued = (int) Math.min(Integer.MAX_VALUE, (long) threads * queuedPerThread);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_TTL_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(queued), task -> {
                    Thread thread = new Thread(task, THREAD_NAME + "-" + started.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return Schedulers.fromExecutorService(executor, THREAD_NAME);
    }

    /** Registers these handlers for the four DB effects, replacing any registered before. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder builder) {
        requireNonNull(builder, "builder");
        return builder.on(DbGet.class, (e, c) -> run(get, () -> store.get(requireNonNull(e.key(), "key"))))
                .on(DbPut.class, (e, c) -> run(put, () -> store.put(requireNonNull(e.key(), "key"),
                        requireNonNull(e.value(), "value"), e.options().idempotencyKey())))
                .on(DbDelete.class, (e, c) -> run(delete, () -> store.delete(requireNonNull(e.key(), "key"),
                        e.options().idempotencyKey())))
                .on(DbScan.class, (e, c) -> scan(e));
    }

    /** These handlers alone. */
    public EffectHandlers handlers() {
        return registerOn(EffectHandlers.builder()).build();
    }

    /**
     * Looks for the tables now, on this thread, and creates missing ones as the config's
     * {@link JdbcKvConfig#initializeSchema()} allows, instead of at the first effect: for
     * start-up, so that a database the store cannot use fails it with what to do.
     *
     * @throws UnusableDatabaseException for a database without a dialect here, or tables missing
     *     that may not be created
     * @throws IllegalStateException when the database cannot be reached
     */
    public void initialize() {
        try {
            store.prepare();
        } catch (SQLException | DataAccessException e) {
            throw new IllegalStateException("The db effects could not look for their tables " + config.table()
                    + " and " + config.idempotencyTable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the store can serve now (for health): empty when its tables are there and usable,
     * else what is wrong ("zerver_kv: the user may not INSERT, UPDATE and DELETE"). Blocking:
     * one connection and a few statements.
     */
    public Optional<String> problem() {
        return store.problem();
    }

    /**
     * Stops the JDBC threads and closes the read statements kept on the pool's connections;
     * effects performed afterwards fail with UpstreamUnavailable ("db", "closed").
     */
    @Override
    public void close() {
        closed = true;
        scheduler.dispose();
        store.close();
    }

    private Mono<?> scan(DbScan effect) {
        if (effect.limit() > config.maxScanLimit()) {
            return Mono.error(new ZerverException(ErrorKind.INVALID_INPUT, JdbcErrors.WHAT, "scan_limit"));
        }
        return run(scan, () -> store.scan(effect.prefix(), effect.after(), effect.limit()));
    }

    /**
     * The call on a JDBC thread, timed from subscription: a success is recorded on the JDBC
     * thread as the call returns, a failure (a full queue included) as it is mapped.
     */
    private <T> Mono<T> run(KvMetrics.Operation operation, Callable<T> call) {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.error(new ZerverException(ErrorKind.UPSTREAM_UNAVAILABLE, JdbcErrors.WHAT, "closed"));
            }
            KvMetrics.Sample sample = metrics.start(operation);
            return Mono.fromCallable(() -> sample.succeeded(call.call()))
                    .subscribeOn(scheduler)
                    .onErrorMap(error -> sample.failed(JdbcErrors.toZerver(error)))
                    .doOnCancel(sample::cancelled);
        });
    }

}
