package io.zerver.effects.jdbc;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.util.regex.Pattern;

/**
 * How {@link JdbcKvEffects} uses its database. Immutable; the withers return copies. A value
 * out of range throws {@link InvalidValueException}.
 *
 * @param table the key/value table, a plain SQL identifier
 * @param idempotencyTable the table recording the outcome of writes carrying an idempotency key
 * @param threads the threads JDBC calls run on; 0 for the connection pool's size (Hikari's
 *     maximum pool size, else 10)
 * @param queuedTasksPerThread how many calls may wait for each thread once all are busy (the
 *     threads share one queue of {@code threads} times this); beyond that a call fails at once
 *     with Overloaded ("db", "queue_full")
 * @param maxScanLimit the largest {@code limit} a scan may ask for
 * @param initializeSchema when missing tables are created
 */
public record JdbcKvConfig(String table, String idempotencyTable, int threads, int queuedTasksPerThread,
        int maxScanLimit, SchemaInitialization initializeSchema) {

    /** The key/value table by default. */
    public static final String DEFAULT_TABLE = "zerver_kv";
    /** The idempotency table by default. */
    public static final String DEFAULT_IDEMPOTENCY_TABLE = "zerver_idempotency";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final JdbcKvConfig DEFAULTS =
            new JdbcKvConfig(DEFAULT_TABLE, DEFAULT_IDEMPOTENCY_TABLE, 0, 256, 1000,
                    SchemaInitialization.EMBEDDED);

    public JdbcKvConfig {
        requireIdentifier("table", table);
        requireIdentifier("idempotencyTable", idempotencyTable);
        if (table.equalsIgnoreCase(idempotencyTable)) {
            throw new InvalidValueException("idempotencyTable", idempotencyTable, "a table other than table " + table);
        }
        if (threads < 0) {
            throw new InvalidValueException("threads", threads, ">= 0, 0 for the pool size");
        }
        if (queuedTasksPerThread < 1) {
            throw new InvalidValueException("queuedTasksPerThread", queuedTasksPerThread, ">= 1");
        }
        if (maxScanLimit < 1) {
            throw new InvalidValueException("maxScanLimit", maxScanLimit, ">= 1");
        }
        requireNonNull(initializeSchema, "initializeSchema");
    }

    /**
     * Tables {@code zerver_kv} and {@code zerver_idempotency}, threads sized to the
     * connection pool, 256 calls queued per thread, scans of at most 1000 entries, tables
     * created when missing in an embedded database only.
     */
    public static JdbcKvConfig defaults() {
        return DEFAULTS;
    }

    public JdbcKvConfig withTable(String newTable) {
        return new JdbcKvConfig(newTable, idempotencyTable, threads,
                queuedTasksPerThread, maxScanLimit, initializeSchema);
    }

    public JdbcKvConfig withIdempotencyTable(String newTable) {
        return new JdbcKvConfig(table, newTable, threads, queuedTasksPerThread, maxScanLimit, initializeSchema);
    }

    /**
     * A copy with both tables; both at once, since they must differ: two names swapped, or one
     * taking the other's default, would be refused one at a time.
     */
    public JdbcKvConfig withTables(String newTable, String newIdempotencyTable) {
        return new JdbcKvConfig(newTable, newIdempotencyTable, threads,
                queuedTasksPerThread, maxScanLimit, initializeSchema);
    }

    public JdbcKvConfig withThreads(int newThreads) {
        return new JdbcKvConfig(table, idempotencyTable, newThreads,
                queuedTasksPerThread, maxScanLimit, initializeSchema);
    }

    public JdbcKvConfig withQueuedTasksPerThread(int newQueued) {
        return new JdbcKvConfig(table, idempotencyTable, threads, newQueued, maxScanLimit, initializeSchema);
    }

    public JdbcKvConfig withMaxScanLimit(int newLimit) {
        return new JdbcKvConfig(table, idempotencyTable, threads, queuedTasksPerThread, newLimit, initializeSchema);
    }

    public JdbcKvConfig withInitializeSchema(SchemaInitialization mode) {
        return new JdbcKvConfig(table, idempotencyTable, threads, queuedTasksPerThread, maxScanLimit, mode);
    }

    /**
     * Refuses {@code value} as a table name unless it is a plain SQL identifier (it is written into
     * SQL): {@link InvalidValueException} naming {@code name}. For the other users of these tables.
     */
    public static void requireIdentifier(String name, String value) {
        requireNonNull(value, name);
        if (!IDENTIFIER.matcher(value).matches()) {
            // Quoted: a name with spaces or semicolons shows where it starts and ends.
            throw new InvalidValueException(name, '"' + value + '"',
                    "a letter or _, then up to 62 letters, digits or _");
        }
    }
}
