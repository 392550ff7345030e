package io.zerver.effects.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the key/value store runs on. */
enum Dialect {

    /** SQLite: writes in {@code BEGIN IMMEDIATE} transactions, text compared as bytes (BINARY). */
    SQLITE(""),

    /** PostgreSQL: keys in the "C" collation, so that key order is byte order, as on SQLite. */
    POSTGRESQL(" COLLATE \"C\""),

    /** Any other database: standard SQL and the column's default collation. */
    STANDARD("");

    private final String keyCollation;

    Dialect(String keyCollation) {
        this.keyCollation = keyCollation;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        return name.contains("postgres") ? POSTGRESQL : STANDARD;
    }

    /** The type of a key column. */
    String keyType() {
        return "TEXT" + keyCollation;
    }
}
