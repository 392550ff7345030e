package io.zerver.effects.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

/**
 * Pooled {@code DataSource}s for a SQLite file, set up for a server: every connection in
 * WAL mode with {@code synchronous=NORMAL} (a committed transaction survives the process
 * being killed), a 5 s busy timeout, and foreign keys enforced.
 */
public final class SqliteDataSources {

    /** How long a connection waits for a lock held by another one before failing with SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private SqliteDataSources() {
    }

    /**
     * A pool of at most {@code poolSize} connections to {@code file}, created with its
     * parent directories when missing. The caller closes it.
     */
    public static HikariDataSource create(Path file, int poolSize) {
        return create(new SqlitePoolConfig(file, poolSize));
    }

    /** A pool as {@code config} says, its file created with its parent directories when missing. The caller closes it. */
    public static HikariDataSource create(SqlitePoolConfig config) {
        requireNonNull(config, "config");
        Path absolute = config.file().toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory of the SQLite file " + absolute, e);
            }
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.enforceForeignKeys(true);

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("zerver-sqlite");
        hikari.setDriverClassName("org.sqlite.JDBC");
        hikari.setJdbcUrl("jdbc:sqlite:" + absolute);
        hikari.setDataSourceProperties(sqlite.toProperties());
        hikari.setMaximumPoolSize(config.poolSize());
        return new HikariDataSource(hikari);
    }
}
