package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the four DB effects answer over a real SQLite file, and what only SQLite has. */
class JdbcKvEffectsTests extends JdbcKvContractTests {

    @Override
    KvHarness open(Path dir, JdbcKvConfig config) {
        return KvHarness.open(dir, config);
    }

    @Test
    void scanBoundsHighUnicodePrefixesByCodePoint() {
        String max = new String(Character.toChars(Character.MAX_CODE_POINT));
        String emoji = "😀";
        fill("\uFFFF", "\uFFFFa", "\uFFFF\uFFFF", emoji, emoji + "x", max, max + "x", max + max, "z");

        assertThat(keysOf(Effects.dbScan("\uFFFF", 10))).containsExactly("\uFFFF", "\uFFFFa", "\uFFFF\uFFFF");
        assertThat(keysOf(Effects.dbScan(emoji, 10))).containsExactly(emoji, emoji + "x");
        assertThat(keysOf(Effects.dbScan(max, 10))).containsExactly(max, max + "x", max + max);
        assertThat(keysOf(Effects.dbScan("", 20))).as("code point order: U+FFFF before U+1F600")
                .containsExactly("z", "\uFFFF", "\uFFFFa", "\uFFFF\uFFFF", emoji, emoji + "x", max, max + "x",
                        max + max);
    }

    @Test
    void createsItsTablesOnFirstUseOfAnEmptyFile() {
        assertThat(h.queryString("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).isEqualTo("0");

        h.failure(Effects.dbGet("nothing"));

        assertThat(h.queryString("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master"
                + " WHERE type = 'table' ORDER BY name)")).isEqualTo("zerver_idempotency,zerver_kv");
    }

    @Test
    void usesTheConfiguredTables() {
        try (KvHarness other = KvHarness.open(dir.resolve("other"),
                JdbcKvConfig.defaults().withTable("todos_kv").withIdempotencyTable("todos_once"))) {
            other.call(Effects.dbPut("k", "v"));

            assertThat(other.queryString("SELECT value FROM todos_kv WHERE key = 'k'")).isEqualTo("v");
            assertThat(other.queryString("SELECT count(*) FROM sqlite_master WHERE name = 'todos_once'"))
                    .isEqualTo("1");
            assertThat(other.queryString("SELECT count(*) FROM sqlite_master WHERE name = 'zerver_kv'")).isEqualTo("0");
        }
    }

    @Test
    void brokenConstraintFailsWithInternal() {
        fill("warm-up");
        h.sql("CREATE TRIGGER no_forbidden BEFORE INSERT ON zerver_kv WHEN NEW.key = 'forbidden'"
                + " BEGIN SELECT RAISE(ABORT, 'forbidden key'); END");

        ZerverError error = h.failure(Effects.dbPut("forbidden", "x"));

        assertThat(error).isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "db", "constraint"));
        assertThat(h.call(Effects.dbPut("allowed", "x"))).as("the connection is still usable").isEqualTo(true);
    }
}
