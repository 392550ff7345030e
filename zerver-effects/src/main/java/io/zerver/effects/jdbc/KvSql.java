package io.zerver.effects.jdbc;

/**
 * The key/value store's SQL on one database: its tables, written in that database's
 * {@link Dialect}. Built once, when the first connection tells which database it is.
 */
record KvSql(String createTable, String createIdempotencyTable, String selectValue, String scanFrom,
        String scanAfter, String scanFromBelow, String scanAfterBelow, String upsert, String deleteKey,
        String selectRecord, String insertRecord) {

    static KvSql of(Dialect dialect, String table, String idempotencyTable) {
        String key = dialect.column("key");
        String value = dialect.column("value");
        String scan = "SELECT " + key + ", " + value + " FROM " + table + " WHERE " + key + " ";
        String order = " ORDER BY " + key + " LIMIT ?";
        return new KvSql(
                "CREATE TABLE IF NOT EXISTS " + table + " (" + key + " " + dialect.keyType() + " NOT NULL PRIMARY KEY, "
                        + value + " TEXT NOT NULL, updated_at BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + idempotencyTable + " (" + key + " " + dialect.keyType()
                        + " NOT NULL PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, outcome TEXT NOT NULL,"
                        + " created_at BIGINT NOT NULL)",
                "SELECT " + value + " FROM " + table + " WHERE " + key + " = ?",
                scan + ">= ?" + order,
                scan + "> ?" + order,
                scan + ">= ? AND " + key + " < ?" + order,
                scan + "> ? AND " + key + " < ?" + order,
                dialect.upsert(table),
                "DELETE FROM " + table + " WHERE " + key + " = ?",
                "SELECT kind, target, outcome FROM " + idempotencyTable + " WHERE " + key + " = ?",
                "INSERT INTO " + idempotencyTable + " (" + key + ", kind, target, outcome, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)");
    }
}
