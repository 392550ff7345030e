package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The read statements of the store, prepared once per SQLite connection and kept open on it.
 * SQLite's driver compiles the SQL on every {@code prepareStatement} ({@code sqlite3_prepare}),
 * about 2 µs of a 6 µs point read, and no pool caches statements for it (HikariCP leaves that to
 * the driver; PostgreSQL's driver does it itself, so other databases prepare per call here).
 *
 * <p>A statement is prepared on the physical connection, not through the pool's proxy, which
 * would close it when the connection goes back to the pool. It is only used by the thread
 * holding its connection, and its result set is closed after every use, which resets it: between
 * two uses it holds no read transaction, so it keeps no WAL snapshot from a checkpoint. It lives
 * as long as its connection (closing a SQLite connection finalizes its statements); entries of
 * connections the pool has closed are dropped once more than {@code bound} connections were seen.
 */
final class ReadStatements {

    private final Map<Connection, Map<String, PreparedStatement>> open = new ConcurrentHashMap<>();
    private final int bound;

    /** @param bound how many connections to keep statements for before dropping those of closed ones */
    ReadStatements(int bound) {
        this.bound = bound;
    }

    /**
     * Runs {@code sql} on {@code connection} with the parameters {@code bind} sets, and answers
     * what {@code extract} reads; {@code cached} says whether the statement outlives the call.
     */
    <T> @Nullable T query(Connection connection, boolean cached, String sql, PreparedStatementSetter bind,
            ResultSetExtractor<T> extract) throws SQLException {
        if (!cached) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return run(statement, bind, extract);
            }
        }
        Connection physical = connection.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = statementsOf(physical);
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        try {
            return run(statement, bind, extract);
        } catch (SQLException | RuntimeException e) {
            // Prepared again next time: a statement that failed may be in any state.
            statements.remove(sql);
            closeQuietly(statement, e);
            throw e;
        }
    }

    /** How many connections statements are kept for. */
    int connections() {
        return open.size();
    }

    /** Closes every statement kept; those in use fail. */
    void closeAll() {
        for (Map<String, PreparedStatement> statements : open.values()) {
            for (PreparedStatement statement : statements.values()) {
                closeQuietly(statement, null);
            }
        }
        open.clear();
    }

    private Map<String, PreparedStatement> statementsOf(Connection physical) {
        Map<String, PreparedStatement> statements = open.get(physical);
        if (statements == null) {
            if (open.size() >= bound) {
                open.keySet().removeIf(ReadStatements::isClosed);
            }
            statements = new ConcurrentHashMap<>();
            open.put(physical, statements);
        }
        return statements;
    }

    private static <T> @Nullable T run(PreparedStatement statement, PreparedStatementSetter bind,
            ResultSetExtractor<T> extract) throws SQLException {
        bind.setValues(statement);
        try (ResultSet rows = statement.executeQuery()) {
            return extract.extractData(rows);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(PreparedStatement statement, @Nullable Throwable cause) {
        try {
            statement.close();
        } catch (SQLException | RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
