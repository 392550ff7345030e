package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the key/value store runs on. */
enum Dialect {

    /** SQLite: writes in {@code BEGIN IMMEDIATE} transactions, text compared as bytes (BINARY). */
    SQLITE("sqlite", true, "TEXT", false),

    /**
     * PostgreSQL: keys in the "C" collation, so that key order is byte order, as on SQLite;
     * tables created under an advisory lock, since concurrent {@code CREATE TABLE IF NOT EXISTS}
     * of one table fail on its catalog's unique index.
     */
    POSTGRESQL("postgresql", false, "TEXT COLLATE \"C\"", false),

    /**
     * H2, the embedded database a Spring application most often has of its own: {@code KEY} and
     * {@code VALUE} are reserved words there (the columns are quoted), its {@code TEXT} is a
     * large object that cannot be a primary key (keys are {@code VARCHAR}), and it writes an
     * upsert as {@code MERGE ... KEY}. Keys are ordered as Java strings (UTF-16 code units),
     * which is byte order except between supplementary characters and U+E000 to U+FFFF.
     */
    H2("h2", true, "VARCHAR", true);

    private final String id;
    private final boolean embedded;
    private final String keyType;
    private final boolean quotesColumns;

    Dialect(String id, boolean embedded, String keyType, boolean quotesColumns) {
        this.id = id;
        this.embedded = embedded;
        this.keyType = keyType;
        this.quotesColumns = quotesColumns;
    }

    /**
     * The dialect of the database {@code connection} is to; one the store does not know fails
     * with {@link UnusableDatabaseException}, since its SQL (upserts, key order) is not standard.
     */
    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData database = connection.getMetaData();
        String product = database.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new UnusableDatabaseException("The db effects' key/value store runs on SQLite, PostgreSQL and H2, not on "
                + product + " " + database.getDatabaseProductVersion()
                + ": give them a DataSource on one of those, or turn them off with zerver.effects.db.enabled=false");
    }

    /** The name of this database in the shipped scripts' names: {@code schema-<id>.sql}. */
    String id() {
        return id;
    }

    /** Whether the database lives in the application's process or files (Spring Boot's "embedded"). */
    boolean embedded() {
        return embedded;
    }

    /** The type of a key column. */
    String keyType() {
        return keyType;
    }

    /** The column {@code name} as this database's SQL writes it. */
    String column(String name) {
        return quotesColumns ? '"' + name + '"' : name;
    }

    /**
     * Inserts the row ({@code key}, {@code value}, {@code updated_at}) into {@code table}, or
     * replaces the one with that key: three parameters.
     */
    String upsert(String table) {
        String key = column("key");
        String value = column("value");
        if (this == H2) {
            return "MERGE INTO " + table + " (" + key + ", " + value + ", updated_at) KEY (" + key
                    + ") VALUES (?, ?, ?)";
        }
        return "INSERT INTO " + table + " (" + key + ", " + value + ", updated_at) VALUES (?, ?, ?) ON CONFLICT ("
                + key + ") DO UPDATE SET " + value + " = excluded." + value + ", updated_at = excluded.updated_at";
    }
}
