package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Reads and write transactions over a {@code DataSource}. Blocking: callers run it on the
 * JDBC threads.
 *
 * <p>Reads are single statements in auto-commit mode, on SQLite with statements kept per
 * connection ({@link ReadStatements}). Writes run in a transaction on one
 * connection: on SQLite it is begun with {@code BEGIN IMMEDIATE}, which takes the write
 * lock up front and so waits for other writers within the busy timeout; a deferred
 * transaction that reads and then writes would instead fail with SQLITE_BUSY at once. On
 * other databases it is an ordinary JDBC transaction.
 */
final class Transactions {

    private final DataSource dataSource;
    private final ReadStatements statements;
    private final SQLExceptionTranslator translator;
    private volatile @Nullable Dialect dialect;

    /**
     * @param connections how many connections the pool holds at most: statements are kept for
     *     twice as many before those of closed connections are dropped
     */
    Transactions(DataSource dataSource, int connections) {
        this.dataSource = dataSource;
        this.statements = new ReadStatements(2 * connections);
        this.translator = new JdbcTemplate(dataSource).getExceptionTranslator();
    }

    /**
     * Runs one query in auto-commit mode with the parameters {@code bind} sets and answers what
     * {@code extract} reads from its rows. SQLException is not translated: {@link JdbcErrors} maps it.
     */
    <T> @Nullable T read(String sql, PreparedStatementSetter bind, ResultSetExtractor<T> extract)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return statements.query(connection, dialect(connection) == Dialect.SQLITE, sql, bind, extract);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Closes the statements kept on the pool's connections. */
    void close() {
        statements.closeAll();
    }

    /** The database's dialect, known once a first transaction ran. */
    Dialect dialect() throws SQLException {
        Dialect known = dialect;
        if (known != null) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            return dialect(connection);
        }
    }

    /**
     * Runs {@code work} in one write transaction and commits it, or rolls it back when
     * {@code work} or the commit fails, rethrowing the failure.
     */
    <T> T write(Function<JdbcClient, T> work) throws SQLException {
        Connection connection = dataSource.getConnection();
        boolean broken = false;
        try {
            Dialect d = dialect(connection);
            boolean autoCommit = connection.getAutoCommit();
            try {
                begin(d, connection);
                try {
                    T result = work.apply(clientOn(connection));
                    commit(d, connection);
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    broken = !rollback(d, connection, e);
                    throw e;
                }
            } finally {
                if (!broken && connection.getAutoCommit() != autoCommit) {
                    connection.setAutoCommit(autoCommit);
                }
            }
        } finally {
            if (broken) {
                HikariPools.evict(dataSource, connection);
            }
            connection.close();
        }
    }

    private Dialect dialect(Connection connection) throws SQLException {
        Dialect known = dialect;
        if (known == null) {
            known = Dialect.of(connection);
            dialect = known;
        }
        return known;
    }

    private JdbcClient clientOn(Connection connection) {
        JdbcTemplate template = new JdbcTemplate();
        template.setDataSource(new SingleConnectionDataSource(connection, true));
        template.setExceptionTranslator(translator);
        return JdbcClient.create(template);
    }

    private static void begin(Dialect dialect, Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            execute(connection, "BEGIN IMMEDIATE");
        } else {
            connection.setAutoCommit(false);
        }
    }

    private static void commit(Dialect dialect, Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            execute(connection, "COMMIT");
        } else {
            connection.commit();
        }
    }

    /** Rolls back; false when that failed too, so the connection must not be reused. */
    private static boolean rollback(Dialect dialect, Connection connection, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                execute(connection, "ROLLBACK");
            } else {
                connection.rollback();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
