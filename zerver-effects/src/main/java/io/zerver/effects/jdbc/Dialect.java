package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the key/value store runs on. */
enum Dialect {

    /** SQLite: writes in {@code BEGIN IMMEDIATE} transactions, text compared as bytes (BINARY). */
    SQLITE("TEXT", false),

    /** PostgreSQL: keys in the "C" collation, so that key order is byte order, as on SQLite. */
    POSTGRESQL("TEXT COLLATE \"C\"", false),

    /**
     * H2, the embedded database a Spring application most often has of its own: {@code KEY} and
     * {@code VALUE} are reserved words there (the columns are quoted), its {@code TEXT} is a
     * large object that cannot be a primary key (keys are {@code VARCHAR}), and it writes an
     * upsert as {@code MERGE ... KEY}. Keys are ordered as Java strings (UTF-16 code units),
     * which is byte order except between supplementary characters and U+E000 to U+FFFF.
     */
    H2("VARCHAR", true),

    /** Any other database: standard SQL and the column's default collation. */
    STANDARD("TEXT", false);

    private final String keyType;
    private final boolean quotesColumns;

    Dialect(String keyType, boolean quotesColumns) {
        this.keyType = keyType;
        this.quotesColumns = quotesColumns;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.equals("h2")) {
            return H2;
        }
        return name.contains("postgres") ? POSTGRESQL : STANDARD;
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
