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
 * threads. The tables are created on first use.
 *
 * <p>A write carrying an idempotency key is applied at most once per key: the outcome is
 * recorded in the idempotency table in the same transaction as the write, and a repeat
 * answers the recorded outcome without writing. A key reused for another kind of write, or
 * for another key, is a Conflict.
 */
final class KvStore {

    private final Transactions transactions;
    private final String table;
    private final String idempotencyTable;
    private final Clock clock;
    private final String selectValue;
    private final String scanFrom;
    private final String scanAfter;
    private final String scanFromBelow;
    private final String scanAfterBelow;
    private final String upsert;
    private final String deleteKey;
    private final String selectRecord;
    private final String insertRecord;
    private volatile boolean ready;

    KvStore(Transactions transactions, JdbcKvConfig config, Clock clock) {
        this.transactions = transactions;
        this.table = config.table();
        this.idempotencyTable = config.idempotencyTable();
        this.clock = clock;
        this.selectValue = "SELECT value FROM " + table + " WHERE key = ?";
        String scan = "SELECT key, value FROM " + table + " WHERE key ";
        String order = " ORDER BY key LIMIT ?";
        this.scanFrom = scan + ">= ?" + order;
        this.scanAfter = scan + "> ?" + order;
        this.scanFromBelow = scan + ">= ? AND key < ?" + order;
        this.scanAfterBelow = scan + "> ? AND key < ?" + order;
        this.upsert = "INSERT INTO " + table + " (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key)"
                + " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
        this.deleteKey = "DELETE FROM " + table + " WHERE key = ?";
        this.selectRecord = "SELECT kind, target, outcome FROM " + idempotencyTable + " WHERE key = ?";
        this.insertRecord = "INSERT INTO " + idempotencyTable + " (key, kind, target, outcome, created_at)"
                + " VALUES (?, ?, ?, ?, ?)";
    }

    /** The value of {@code key}; fails with NotFound ("db", key) when there is none. */
    String get(String key) throws SQLException {
        ensureSchema();
        String value = transactions.read(selectValue, statement -> statement.setString(1, key),
                rows -> rows.next() ? rows.getString(1) : null);
        if (value == null) {
            throw new ZerverException(ErrorKind.NOT_FOUND, JdbcErrors.WHAT, key);
        }
        return value;
    }

    /** Inserts or replaces {@code key}; always true. */
    boolean put(String key, String value, @Nullable String idempotencyKey) throws SQLException {
        ensureSchema();
        return write("db.put", key, idempotencyKey, jdbc -> {
            jdbc.sql(upsert).params(key, value, clock.millis()).update();
            return true;
        });
    }

    /** Deletes {@code key}; whether it existed. */
    boolean delete(String key, @Nullable String idempotencyKey) throws SQLException {
        ensureSchema();
        return write("db.delete", key, idempotencyKey,
                jdbc -> jdbc.sql(deleteKey).param(key).update() > 0);
    }

    /**
     * Up to {@code limit} entries whose key starts with {@code prefix}, in key order; when
     * {@code after} is set, only those strictly after it.
     */
    List<KeyValue> scan(String prefix, @Nullable String after, int limit) throws SQLException {
        ensureSchema();
        boolean fromAfter = after != null && KeyRange.compare(after, prefix) >= 0;
        String lower = fromAfter ? after : prefix;
        String upper = KeyRange.upperBound(prefix);
        String sql = upper == null ? (fromAfter ? scanAfter : scanFrom) : (fromAfter ? scanAfterBelow : scanFromBelow);
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

    private boolean write(String kind, String key, @Nullable String idempotencyKey,
            Function<JdbcClient, Boolean> apply) throws SQLException {
        if (idempotencyKey == null) {
            return transactions.write(apply);
        }
        try {
            return transactions.write(jdbc -> once(jdbc, kind, key, idempotencyKey, apply));
        } catch (DuplicateKeyException raced) {
            // Only where two transactions may both miss the record (not SQLite, whose writes
            // are serialized): the other one committed first, so this time its record is found.
            return transactions.write(jdbc -> once(jdbc, kind, key, idempotencyKey, apply));
        }
    }

    private boolean once(JdbcClient jdbc, String kind, String key, String idempotencyKey,
            Function<JdbcClient, Boolean> apply) {
        Optional<Recorded> recorded = jdbc.sql(selectRecord)
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
        jdbc.sql(insertRecord)
                .params(idempotencyKey, kind, key, Boolean.toString(outcome), clock.millis())
                .update();
        return outcome;
    }

    private void ensureSchema() throws SQLException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            String keyType = transactions.dialect().keyType();
            transactions.write(jdbc -> {
                jdbc.sql("CREATE TABLE IF NOT EXISTS " + table + " (key " + keyType + " NOT NULL PRIMARY KEY,"
                        + " value TEXT NOT NULL, updated_at BIGINT NOT NULL)").update();
                jdbc.sql("CREATE TABLE IF NOT EXISTS " + idempotencyTable + " (key " + keyType
                        + " NOT NULL PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, outcome TEXT NOT NULL,"
                        + " created_at BIGINT NOT NULL)").update();
                return null;
            });
            ready = true;
        }
    }

    /** The first outcome of an idempotent write. */
    private record Recorded(String kind, String target, String outcome) {
    }
}
