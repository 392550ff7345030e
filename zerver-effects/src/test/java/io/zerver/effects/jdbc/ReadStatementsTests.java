package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read statements prepared once per SQLite connection, kept open across the pool's loans, and harmless between reads. */
class ReadStatementsTests {

    private static final String SELECT = "SELECT value FROM t WHERE key = ?";

    @TempDir
    Path dir;

    private HikariDataSource pool;
    private final ReadStatements statements = new ReadStatements(2);

    @BeforeEach
    void open() {
        pool = SqliteDataSources.create(dir.resolve("t.db"), 1);
        KvHarness.sql(pool, "CREATE TABLE t (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        KvHarness.sql(pool, "INSERT INTO t VALUES ('a', '1'), ('b', '2')");
    }

    @AfterEach
    void close() {
        statements.closeAll();
        pool.close();
    }

    /** Reads {@code key} on a connection of the pool, and the statement that ran. */
    private Read read(boolean cached, String key) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return read(connection, cached, key);
        }
    }

    private Read read(Connection connection, boolean cached, String key) throws SQLException {
        Read read = statements.query(connection, cached, SELECT, s -> s.setString(1, key),
                rows -> new Read(rows.next() ? rows.getString(1) : null, rows.getStatement()));
        assertThat(read).isNotNull();
        return read;
    }

    @Test
    void aKeptStatementOutlivesTheConnectionsReturnToThePool() throws SQLException {
        Read first = read(true, "a");
        Read second = read(true, "b");
        Read missing = read(true, "c");

        assertThat(first.value()).isEqualTo("1");
        assertThat(second.value()).isEqualTo("2");
        assertThat(missing.value()).isNull();
        assertThat(second.statement()).isSameAs(first.statement()).isSameAs(missing.statement());
        assertThat(first.statement().isClosed()).isFalse();
        assertThat(statements.connections()).isEqualTo(1);
    }

    @Test
    void withoutCachingEveryReadPreparesAndClosesItsStatement() throws SQLException {
        Read first = read(false, "a");
        Read second = read(false, "b");

        assertThat(first.value()).isEqualTo("1");
        assertThat(second.value()).isEqualTo("2");
        assertThat(second.statement()).isNotSameAs(first.statement());
        assertThat(first.statement().isClosed()).isTrue();
        assertThat(statements.connections()).isZero();
    }

    @Test
    void aKeptStatementHoldsNoReadTransactionBetweenReads() throws SQLException {
        read(true, "missing");
        read(true, "a");

        // Another connection writes, then checkpoints the whole WAL into the database: a reader
        // still holding a snapshot from before that write would make the checkpoint busy (1).
        try (HikariDataSource another = SqliteDataSources.create(dir.resolve("t.db"), 1);
                Connection other = another.getConnection();
                Statement s = other.createStatement()) {
            s.execute("INSERT INTO t VALUES ('c', '3')");
            try (ResultSet checkpoint = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                assertThat(checkpoint.next()).isTrue();
                assertThat(checkpoint.getInt(1)).as("busy").isZero();
            }
        }
        assertThat(read(true, "c").value()).isEqualTo("3");
    }

    @Test
    void aStatementThatFailedIsPreparedAgain() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            Read before = read(connection, true, "a");
            assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> statements.query(connection, true,
                    SELECT, s -> s.setString(1, "a"), rows -> {
                        throw new IllegalStateException("extractor failed");
                    }));
            Read after = read(connection, true, "a");

            assertThat(before.statement().isClosed()).isTrue();
            assertThat(after.statement()).isNotSameAs(before.statement());
            assertThat(after.value()).isEqualTo("1");
        }
    }

    @Test
    void statementsOfClosedConnectionsAreDroppedOnceMoreConnectionsThanTheBoundWereSeen() throws SQLException {
        List<Connection> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // A new SQLite connection each time: a pool that retired the previous one.
            try (HikariDataSource once = SqliteDataSources.create(dir.resolve("t.db"), 1);
                    Connection connection = once.getConnection()) {
                assertThat(read(connection, true, "a").value()).isEqualTo("1");
                closed.add(connection);
            }
        }

        assertThat(closed).hasSize(3);
        assertThat(statements.connections()).as("the third connection dropped the first two").isEqualTo(1);
    }

    @Test
    void closeAllClosesTheKeptStatements() throws SQLException {
        Read read = read(true, "a");

        statements.closeAll();

        assertThat(read.statement().isClosed()).isTrue();
        assertThat(statements.connections()).isZero();
        assertThat(read(true, "b").value()).isEqualTo("2");
    }

    @Test
    void closedHandlersLeaveTheCallersPoolServing() {
        try (KvHarness h = KvHarness.open(dir)) {
            h.call(Effects.dbPut("k", "v"));
            assertThat(h.call(Effects.dbGet("k"))).isEqualTo("v");

            h.kv.close();

            // The pool is the caller's and stays open; its connections serve it as before.
            assertThat(h.queryString("SELECT value FROM zerver_kv WHERE key = 'k'")).isEqualTo("v");
        }
    }

    private record Read(String value, Statement statement) {
    }
}
