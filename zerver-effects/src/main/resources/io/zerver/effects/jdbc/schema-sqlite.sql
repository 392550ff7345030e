-- The tables of Zerver's db effects (the key/value store) on SQLite, with their default names
-- (zerver.effects.db.table, zerver.effects.db.idempotency-table). Zerver creates them itself when
-- zerver.effects.db.initialize-schema allows it (embedded databases by default); otherwise run this
-- once as a user allowed to create tables, then grant the application's user what it needs:
--   GRANT SELECT, INSERT, UPDATE, DELETE ON zerver_kv, zerver_idempotency TO <application user>;
-- Tables that exist are used as they are: Zerver runs no DDL on them.
CREATE TABLE IF NOT EXISTS zerver_kv (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS zerver_idempotency (key TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, outcome TEXT NOT NULL, created_at BIGINT NOT NULL);
