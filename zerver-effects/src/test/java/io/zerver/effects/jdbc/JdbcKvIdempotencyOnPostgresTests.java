package io.zerver.effects.jdbc;

import java.nio.file.Path;

/**
 * Idempotent writes on a real PostgreSQL 16, where two first attempts of one key do race (both
 * miss the record, one commits first, the other meets its primary key and answers its outcome).
 */
class JdbcKvIdempotencyOnPostgresTests extends JdbcKvIdempotencyContractTests {

    private String database;

    @Override
    KvHarness open(Path dir, boolean again) {
        if (!again) {
            database = Postgres.newDatabase();
        }
        return KvHarness.on(Postgres.pool(database, "postgres", "postgres", 8),
                JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.ALWAYS));
    }

    @Override
    void countWrites() {
        h.sql("CREATE TABLE writes (n INTEGER NOT NULL)");
        h.sql("INSERT INTO writes VALUES (0)");
        h.sql("CREATE FUNCTION count_write() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN UPDATE writes SET n = n + 1; RETURN NULL; END $$");
        h.sql("CREATE TRIGGER count_writes AFTER INSERT OR UPDATE OR DELETE ON zerver_kv"
                + " FOR EACH ROW EXECUTE FUNCTION count_write()");
    }

    @Override
    void forbid(boolean forbidden) {
        if (forbidden) {
            h.sql("CREATE FUNCTION no_forbidden() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.key = 'forbidden' THEN RAISE EXCEPTION 'forbidden key' USING ERRCODE = 'check_violation';"
                    + " END IF; RETURN NEW; END $$");
            h.sql("CREATE TRIGGER no_forbidden BEFORE INSERT ON zerver_kv FOR EACH ROW EXECUTE FUNCTION no_forbidden()");
        } else {
            h.sql("DROP TRIGGER no_forbidden ON zerver_kv");
        }
    }
}
