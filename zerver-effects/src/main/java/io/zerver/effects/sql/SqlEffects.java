package io.zerver.effects.sql;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.SqlBatch;
import io.zerver.core.effect.SqlQuery;
import io.zerver.core.effect.SqlTransaction;
import io.zerver.core.effect.SqlUpdate;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.effects.jdbc.JdbcKvConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Handlers for the SQL effects: the application's statements on its DataSources through
 * Spring's {@code JdbcClient}, with what every effect gets (timeout, retry policy, bulkhead per
 * DataSource, timeline events, spans).
 *
 * <pre>{@code
 * SqlEffects sql = SqlEffects.create(dataSource, Map.of("reports", reportsDataSource), 10);
 * sql.registerOn(builder);
 * sql.close();   // on shutdown: stops the zerver-sql threads; the DataSources stay yours
 * }</pre>
 *
 * <p>Each call runs on a bounded pool of threads named {@code zerver-sql}, never on the engine's
 * thread, only once subscribed to. Its timeout reaches the database: the statement's query
 * timeout is the effect's (whole seconds, rounded up; the driver cancels the statement when it
 * passes: PostgreSQL sends a cancel request), which ends as Timeout ("sql", "timeout"). An update,
 * a batch and a transaction each run in one transaction of their own; a batch or a transaction
 * is all or nothing. A write carrying an idempotency key is applied at most once per key: its
 * outcome is recorded in the idempotency table in the same transaction ({@link SqlWrites}).
 */
public final class SqlEffects implements AutoCloseable {

    /** The name of the threads JDBC calls run on. */
    public static final String THREAD_NAME = "zerver-sql";

    private static final int QUEUED_PER_THREAD = 256;
    private static final int IDLE_THREAD_TTL_SECONDS = 60;

    private final @Nullable DataSource primary;
    private final Map<String, DataSource> named;
    private final Scheduler scheduler;
    private final SqlWrites writes;
    private final Map<DataSource, Map<Integer, Database>> databases = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private SqlEffects(@Nullable DataSource primary, Map<String, DataSource> named, Scheduler scheduler,
            SqlWrites writes) {
        this.primary = primary;
        this.named = named;
        this.scheduler = scheduler;
        this.writes = writes;
    }

    /**
     * Handlers over {@code primary} (the statements that name no DataSource; null when the
     * application has none, or several and none primary: such a statement then fails with
     * Internal ("sql", "no_datasource")) and {@code named} (the statements naming a bean), on
     * {@code threads} threads.
     */
    public static SqlEffects create(@Nullable DataSource primary, Map<String, DataSource> named, int threads) {
        return create(primary, named, threads, JdbcKvConfig.DEFAULT_IDEMPOTENCY_TABLE);
    }

    /**
     * As {@link #create(DataSource, Map, int)}, recording the outcome of writes carrying an
     * idempotency key in {@code idempotencyTable} (the db effects' table, which must exist on the
     * DataSource such a write runs on) in the write's own transaction.
     */
    public static SqlEffects create(@Nullable DataSource primary, Map<String, DataSource> named, int threads,
            String idempotencyTable) {
        requireNonNull(named, "named");
        requireThreads(threads);
        JdbcKvConfig.requireIdentifier("idempotencyTable", idempotencyTable);
        SqlWrites writes = new SqlWrites(idempotencyTable);
        Scheduler scheduler = Schedulers.newBoundedElastic(threads, QUEUED_PER_THREAD, THREAD_NAME,
                IDLE_THREAD_TTL_SECONDS, true);
        return new SqlEffects(primary, Map.copyOf(named), scheduler, writes);
    }

    /** Refuses a number of threads below 1 with {@link InvalidValueException}. */
    public static int requireThreads(int threads) {
        if (threads < 1) {
            throw new InvalidValueException("threads", threads, ">= 1");
        }
        return threads;
    }

    /** Registers the handlers of the four SQL effects, replacing any registered before. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder builder) {
        requireNonNull(builder, "builder");
        return builder.on(SqlQuery.class, (e, c) -> run(() -> query(e, c)))
                .on(SqlUpdate.class, (e, c) -> run(() -> {
                    Database database = database(e.dataSource(), c);
                    return writes.write(database.client(), database.transactions(), e, e.sql(), e.params(),
                            () -> update(database.client(), e));
                }))
                .on(SqlBatch.class, (e, c) -> run(() -> batch(e, c)))
                .on(SqlTransaction.class, (e, c) -> run(() -> transaction(e, c)));
    }

    /** These handlers alone. */
    public EffectHandlers handlers() {
        return registerOn(EffectHandlers.builder()).build();
    }

    /** Stops the threads; effects performed afterwards fail with UpstreamUnavailable ("sql", "closed"). */
    @Override
    public void close() {
        closed = true;
        scheduler.dispose();
    }

    private Object query(SqlQuery query, EffectContext context) {
        JdbcClient.MappedQuerySpec<?> rows = database(query.dataSource(), context).client().sql(query.sql())
                .params(query.params()).query(query.rowType());
        return switch (query.rows()) {
            case ONE -> requireNonNull(rows.single(), "row");
            case OPTIONAL -> rows.optional();
            case LIST -> rows.list();
        };
    }

    private static Object update(JdbcClient client, SqlUpdate update) {
        JdbcClient.StatementSpec statement = client.sql(update.sql()).params(update.params());
        if (!update.keys()) {
            return statement.update();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        statement.update(keys);
        Map<String, Object> row = keys.getKeyList().isEmpty() ? Map.of() : keys.getKeys();
        return row == null ? Map.of() : row;
    }

    private Object batch(SqlBatch batch, EffectContext context) {
        Database database = database(batch.dataSource(), context);
        SqlParameterSource[] sets = batch.batch().stream().map(MapSqlParameterSource::new)
                .toArray(SqlParameterSource[]::new);
        return writes.write(database.client(), database.transactions(), batch, batch.sql(), batch.batch(),
                () -> counts(database.named().batchUpdate(batch.sql(), sets)));
    }

    private Object transaction(SqlTransaction transaction, EffectContext context) {
        Database database = database(transaction.dataSource(), context);
        List<Object> statements = new ArrayList<>();
        for (SqlUpdate statement : transaction.statements()) {
            statements.add(statement.sql());
            statements.add(statement.params());
        }
        return writes.write(database.client(), database.transactions(), transaction, "transaction", statements,
                () -> updates(database.client(), transaction.statements()));
    }

    private static List<Integer> counts(int[] counts) {
        List<Integer> answer = new ArrayList<>(counts.length);
        for (int count : counts) {
            answer.add(count);
        }
        return answer;
    }

    private static List<Object> updates(JdbcClient client, List<SqlUpdate> statements) {
        List<Object> answers = new ArrayList<>(statements.size());
        for (SqlUpdate statement : statements) {
            answers.add(update(client, statement));
        }
        return answers;
    }

    /** The call on a {@code zerver-sql} thread, once subscribed to; failures mapped by {@link SqlErrors}. */
    private Mono<Object> run(Callable<Object> call) {
        return Mono.defer(() -> closed
                ? Mono.error(new ZerverException(ErrorKind.UPSTREAM_UNAVAILABLE, SqlErrors.WHAT, "closed"))
                : Mono.fromCallable(call).subscribeOn(scheduler).onErrorMap(SqlErrors::toZerver));
    }

    /** The DataSource {@code name} (the primary one for null), its templates set to the effect's timeout. */
    private Database database(@Nullable String name, EffectContext context) {
        DataSource dataSource = name == null ? primary : named.get(name);
        if (dataSource == null) {
            throw new ZerverException(ErrorKind.INTERNAL, SqlErrors.WHAT,
                    name == null ? "no_datasource" : "no_datasource:" + name);
        }
        int seconds = timeoutSeconds(context.timeout());
        return databases.computeIfAbsent(dataSource, ds -> new ConcurrentHashMap<>())
                .computeIfAbsent(seconds, s -> Database.of(dataSource, s));
    }

    /** JDBC's query timeout is in whole seconds: the effect's, rounded up, at least 1. */
    static int timeoutSeconds(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    /** One DataSource's templates at one query timeout: built once, shared by the calls. */
    private record Database(JdbcClient client, NamedParameterJdbcTemplate named, TransactionTemplate transactions) {

        static Database of(DataSource dataSource, int timeoutSeconds) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.setQueryTimeout(timeoutSeconds);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            transactions.setTimeout(timeoutSeconds);
            return new Database(JdbcClient.create(jdbc), new NamedParameterJdbcTemplate(jdbc), transactions);
        }
    }
}
