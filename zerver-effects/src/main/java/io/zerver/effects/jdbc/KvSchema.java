package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;

/**
 * The store's two tables on its database: found, or created as {@link SchemaInitialization}
 * allows. Tables found are used as they are, without DDL, so that a user with only the rights
 * to read and write them is enough. Creation is safe when several processes start at once on an
 * empty database: on PostgreSQL under a transaction-scoped advisory lock (Flyway and Liquibase
 * lock the same way), elsewhere by checking again when a create failed.
 */
final class KvSchema {

    private KvSchema() {
    }

    /** The store's SQL, once both tables are there; see the class comment. */
    static KvSql prepare(Transactions transactions, JdbcKvConfig config) throws SQLException {
        DataSource dataSource = transactions.dataSource();
        Dialect dialect = transactions.dialect();
        KvSql sql = KvSql.of(dialect, config.table(), config.idempotencyTable());
        List<String> tables = List.of(config.table(), config.idempotencyTable());
        List<String> missing = missing(dataSource, tables);
        if (missing.isEmpty()) {
            return sql;
        }
        SchemaInitialization mode = config.initializeSchema();
        if (mode == SchemaInitialization.NEVER || (mode == SchemaInitialization.EMBEDDED && !dialect.embedded())) {
            throw new UnusableDatabaseException("The db effects' tables " + missing + " do not exist and "
                    + "zerver.effects.db.initialize-schema is " + mode.name().toLowerCase(Locale.ROOT)
                    + ": create them (for the default names, " + SchemaInitialization.scriptFor(dialect.id())
                    + ", which needs CREATE on the schema once; afterwards SELECT, INSERT, UPDATE and DELETE"
                    + " on the tables are enough), or set zerver.effects.db.initialize-schema=always");
        }
        try {
            transactions.write(jdbc -> {
                if (dialect == Dialect.POSTGRESQL) {
                    // Held to the end of this transaction: the processes creating at once take turns.
                    jdbc.sql("SELECT pg_advisory_xact_lock(" + lockKey(config) + ")").query().listOfRows();
                }
                jdbc.sql(sql.createTable()).update();
                jdbc.sql(sql.createIdempotencyTable()).update();
                return null;
            });
        } catch (SQLException | DataAccessException e) {
            if (!missing(dataSource, tables).isEmpty()) {
                throw e;
            }
            // Created meanwhile by another process: what the create was for.
        }
        return sql;
    }

    /** The advisory lock of these tables: the same in every process that creates them. */
    private static long lockKey(JdbcKvConfig config) {
        return ("zerver:" + config.table() + ":" + config.idempotencyTable()).hashCode();
    }

    /**
     * Those of {@code tables} the database's catalog does not show in the connection's schema,
     * looked up as written, in upper and in lower case (how unquoted names are stored varies).
     * The catalog, not a query on the table: a user without rights on a table still sees it there.
     */
    static List<String> missing(DataSource dataSource, List<String> tables) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData catalog = connection.getMetaData();
            String schema = schema(connection);
            for (String table : tables) {
                if (!exists(catalog, connection.getCatalog(), schema, table)) {
                    missing.add(table);
                }
            }
        }
        return missing;
    }

    private static boolean exists(DatabaseMetaData catalog, @Nullable String catalogName, @Nullable String schema,
            String table) throws SQLException {
        String escape = catalog.getSearchStringEscape();
        Set<String> spellings = new LinkedHashSet<>(
                List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)));
        for (String name : spellings) {
            // '_' is a wildcard in a catalog pattern: zerver_kv must not match zerverXkv.
            String pattern = escape == null || escape.isEmpty() ? name : name.replace("_", escape + "_");
            try (ResultSet found = catalog.getTables(catalogName, schema, pattern, null)) {
                while (found.next()) {
                    if (found.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The connection's current schema, or null (any) where the driver has none. */
    private static @Nullable String schema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException e) {
            return null;
        }
    }
}
