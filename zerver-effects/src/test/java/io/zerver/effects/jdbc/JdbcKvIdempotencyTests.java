package io.zerver.effects.jdbc;

import java.nio.file.Path;

/** Idempotent writes on SQLite, whose writes are serialized. */
class JdbcKvIdempotencyTests extends JdbcKvIdempotencyContractTests {

    @Override
    KvHarness open(Path dir, boolean again) {
        return KvHarness.open(dir);
    }

    @Override
    void countWrites() {
        h.sql("CREATE TABLE writes (n INTEGER NOT NULL)");
        h.sql("INSERT INTO writes VALUES (0)");
        h.sql("CREATE TRIGGER count_inserts AFTER INSERT ON zerver_kv BEGIN UPDATE writes SET n = n + 1; END");
        h.sql("CREATE TRIGGER count_updates AFTER UPDATE ON zerver_kv BEGIN UPDATE writes SET n = n + 1; END");
        h.sql("CREATE TRIGGER count_deletes AFTER DELETE ON zerver_kv BEGIN UPDATE writes SET n = n + 1; END");
    }

    @Override
    void forbid(boolean forbidden) {
        h.sql(forbidden ? "CREATE TRIGGER no_forbidden BEFORE INSERT ON zerver_kv WHEN NEW.key = 'forbidden'"
                + " BEGIN SELECT RAISE(ABORT, 'forbidden key'); END" : "DROP TRIGGER no_forbidden");
    }
}
