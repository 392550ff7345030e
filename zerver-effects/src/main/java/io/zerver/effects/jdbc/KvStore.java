package io.zerver.effects.jdbc;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key/value operations in SQL. Blocking: {@link JdbcKvEffects} runs it on its JDBC
 * threads. The tables are looked for (and created, as {@link SchemaInitialization} allows) by
 * {@link #prepare()}, else on first use. No text holds U+0000 (PostgreSQL cannot store it): a
 * key, value, prefix or cursor with one is InvalidInput ("db", "nul_character") on every database.
 *
 * <p>A write carrying an idempotency key is applied at most once per key: the outcome is
 * recorded in the idempotency table in the same transaction as the write, and a repeat
 * answers the recorded outcome without writing. A key reused for another kind of write, or
 * for another key, is a Conflict.
 */
final class KvStore {

    private final Transactions transactions;
    private final JdbcKvConfig config;
    private final Clock clock;
    private volatile @Nullable KvSql sql;

    KvStore(Transactions transactions, JdbcKvConfig config, Clock clock) {
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
    }

    /** The value of {@code key}; fails with NotFound ("db", key) when there is none. */
    String get(String key) throws SQLException {
        storable(key);
        String value = transactions.read(ensureSchema().selectValue(), statement -> statement.setString(1, key),
                rows -> rows.next() ? rows.getString(1) : null);
        if (value == null) {
            throw new ZerverException(ErrorKind.NOT_FOUND, JdbcErrors.WHAT, key);
        }
        return value;
    }

    /** Inserts or replaces {@code key}; always true. */
    boolean put(String key, String value, @Nullable String idempotencyKey) throws SQLException {
        storable(key);
        storable(value);
        KvSql statements = ensureSchema();
        return write(statements, "db.put", key, idempotencyKey, jdbc -> {
            jdbc.sql(statements.upsert()).params(key, value, clock.millis()).update();
            return true;
        });
    }

    /** Deletes {@code key}; whether it existed. */
    boolean delete(String key, @Nullable String idempotencyKey) throws SQLException {
        storable(key);
        KvSql statements = ensureSchema();
        return write(statements, "db.delete", key, idempotencyKey,
                jdbc -> jdbc.sql(statements.deleteKey()).param(key).update() > 0);
    }

    /**
     * Up to {@code limit} entries whose key starts with {@code prefix}, in key order; when
     * {@code after} is set, only those strictly after it.
     */
    List<KeyValue> scan(String prefix, @Nullable String after, int limit) throws SQLException {
        storable(prefix);
        if (after != null) {
            storable(after);
        }
        KvSql statements = ensureSchema();
        boolean fromAfter = after != null && KeyRange.compare(after, prefix) >= 0;
        String lower = fromAfter ? after : prefix;
        String upper = KeyRange.upperBound(prefix);
        String sql = upper == null ? (fromAfter ? statements.scanAfter() : statements.scanFrom())
                : (fromAfter ? statements.scanAfterBelow() : statements.scanFromBelow());
        List<KeyValue> entries = transactions.read(sql, statement -> {
            statement.setString(1, lower);
            if (upper != null) {
                statement.setString(2, upper);
            }
            statement.setInt(upper == null ? 2 : 3, limit);
        }, rows -> {
            List<KeyValue> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new KeyValue(rows.getString(1), rows.getString(2)));
            }
            return found;
        });
        return requireNonNull(entries, "entries");
    }

    /** Closes the read statements kept on the pool's connections. */
    void close() {
        transactions.close();
    }

    private boolean write(KvSql statements, String kind, String key, @Nullable String idempotencyKey,
            Function<JdbcClient, Boolean> apply) throws SQLException {
        if (idempotencyKey == null) {
            return transactions.write(apply);
        }
        try {
            return transactions.write(jdbc -> once(statements, jdbc, kind, key, idempotencyKey, apply));
        } catch (DuplicateKeyException raced) {
            // Only where two transactions may both miss the record (not SQLite, whose writes
            // are serialized): the other one committed first, so this time its record is found.
            return transactions.write(jdbc -> once(statements, jdbc, kind, key, idempotencyKey, apply));
        }
    }

    private boolean once(KvSql statements, JdbcClient jdbc, String kind, String key, String idempotencyKey,
            Function<JdbcClient, Boolean> apply) {
        Optional<Recorded> recorded = jdbc.sql(statements.selectRecord())
                .param(idempotencyKey)
                .query((rs, row) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
        if (recorded.isPresent()) {
            Recorded first = recorded.get();
            if (!first.kind().equals(kind) || !first.target().equals(key)) {
                throw new ZerverException(ErrorKind.CONFLICT, "idempotency", idempotencyKey);
            }
            return Boolean.parseBoolean(first.outcome());
        }
        boolean outcome = apply.apply(jdbc);
        jdbc.sql(statements.insertRecord())
                .params(idempotencyKey, kind, key, Boolean.toString(outcome), clock.millis())
                .update();
        return outcome;
    }

    /** Empty when the store can serve now, else what is wrong; see {@link KvProbe}. */
    Optional<String> problem() {
        return KvProbe.problem(transactions, config);
    }

    /** Finds (or creates) the tables now; see {@link KvSchema}. */
    void prepare() throws SQLException {
        ensureSchema();
    }

    /** The SQL of this database, once its tables are there (looked for on first use). */
    private KvSql ensureSchema() throws SQLException {
        KvSql ready = sql;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            KvSql again = sql;
            if (again != null) {
                return again;
            }
            KvSql prepared = KvSchema.prepare(transactions, config);
            sql = prepared;
            return prepared;
        }
    }

    private static void storable(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new ZerverException(ErrorKind.INVALID_INPUT, JdbcErrors.WHAT, "nul_character");
        }
    }

    /** The first outcome of an idempotent write. */
    private record Recorded(String kind, String target, String outcome) {
    }
}
