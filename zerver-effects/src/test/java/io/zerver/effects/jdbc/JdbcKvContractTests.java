package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * What the four DB effects answer, on any database the key/value store runs on: each
 * database's test class opens its harness and adds what only it has.
 */
abstract class JdbcKvContractTests {

    @TempDir
    Path dir;

    KvHarness h;

    /** The handlers over a fresh, empty database of the subclass's kind, configured as {@code config}. */
    abstract KvHarness open(Path dir, JdbcKvConfig config);

    @BeforeEach
    void open() {
        h = open(dir, JdbcKvConfig.defaults());
    }

    @AfterEach
    void close() {
        h.close();
    }

    void fill(String... keys) {
        for (String key : keys) {
            h.call(Effects.dbPut(key, "v-" + key));
        }
    }

    List<String> keysOf(DbScan scan) {
        @SuppressWarnings("unchecked")
        List<KeyValue> entries = (List<KeyValue>) h.call(scan);
        return entries.stream().map(KeyValue::key).toList();
    }

    @Test
    void handlesTheFourDbEffects() {
        assertThat(h.handlers.types()).containsExactlyInAnyOrder(DbGet.class, DbPut.class, DbDelete.class,
                DbScan.class);
    }

    @Test
    void getOfMissingKeyFailsWithNotFound() {
        assertThat(h.failure(Effects.dbGet("todo:404")))
                .isEqualTo(ZerverError.of(ErrorKind.NOT_FOUND, "db", "todo:404"));
    }

    @Test
    void putAnswersTrueAndGetReturnsTheValue() {
        assertThat(h.call(Effects.dbPut("todo:9", "milk"))).isEqualTo(Boolean.TRUE);

        assertThat(h.call(Effects.dbGet("todo:9"))).isEqualTo("milk");
    }

    @Test
    void putReplacesTheValue() {
        h.call(Effects.dbPut("todo:1", "old"));
        h.call(Effects.dbPut("todo:1", "new"));

        assertThat(h.call(Effects.dbGet("todo:1"))).isEqualTo("new");
    }

    @Test
    void valuesKeepTheirTextExactly() {
        for (String value : List.of("", " padded ", "ünïcödé 😀 \u0007", "{\"a\":[1]}", "x".repeat(100_000))) {
            h.call(Effects.dbPut("v", value));
            assertThat(h.call(Effects.dbGet("v"))).isEqualTo(value);
        }
    }

    @Test
    void deleteAnswersWhetherTheKeyExisted() {
        fill("todo:1");

        assertThat(h.call(Effects.dbDelete("todo:1"))).isEqualTo(true);
        assertThat(h.call(Effects.dbDelete("todo:1"))).isEqualTo(false);
        assertThat(h.failure(Effects.dbGet("todo:1")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void scanReturnsTheKeysWithThePrefixInKeyOrder() {
        fill("todo:3", "todo:1", "user:1", "todo:2", "tod", "todo;", "todo:10");

        assertThat(h.call(Effects.dbScan("todo:", 100))).isEqualTo(List.of(
                new KeyValue("todo:1", "v-todo:1"), new KeyValue("todo:10", "v-todo:10"),
                new KeyValue("todo:2", "v-todo:2"), new KeyValue("todo:3", "v-todo:3")));
    }

    @Test
    void scanStopsAtTheLimit() {
        fill("todo:3", "todo:1", "todo:2");

        assertThat(keysOf(Effects.dbScan("todo:", 2))).containsExactly("todo:1", "todo:2");
    }

    @Test
    void scanWithUnknownPrefixIsEmpty() {
        fill("a", "b");

        assertThat(keysOf(Effects.dbScan("zzz", 10))).isEmpty();
    }

    @Test
    void scanWithEmptyPrefixReturnsEverythingInOrder() {
        fill("b", "a", "c");

        assertThat(keysOf(Effects.dbScan("", 10))).containsExactly("a", "b", "c");
    }

    @Test
    void scanTreatsLikeWildcardsAsPlainCharacters() {
        fill("a%b", "a%c", "a_b", "axb", "a\\b", "ab");

        assertThat(keysOf(Effects.dbScan("a%", 10))).containsExactly("a%b", "a%c");
        assertThat(keysOf(Effects.dbScan("a_", 10))).containsExactly("a_b");
        assertThat(keysOf(Effects.dbScan("a\\", 10))).containsExactly("a\\b");
    }

    @Test
    void scanPagesWithAfter() {
        for (int i = 0; i < 25; i++) {
            fill(String.format("p:%02d", i));
        }
        fill("o", "q");

        List<String> seen = new ArrayList<>();
        DbScan page = Effects.dbScan("p:", 10);
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            List<String> keys = keysOf(page);
            sizes.add(keys.size());
            if (keys.isEmpty()) {
                break;
            }
            seen.addAll(keys);
            page = page.after(keys.get(keys.size() - 1));
        }

        assertThat(sizes).containsExactly(10, 10, 5, 0);
        assertThat(seen).hasSize(25).isSorted().doesNotHaveDuplicates().allMatch(k -> k.startsWith("p:"));
    }

    @Test
    void scanAfterAKeyBeforeThePrefixStartsAtThePrefix() {
        fill("a", "b:1", "b:2", "c");

        assertThat(keysOf(Effects.dbScan("b:", 10).after("a"))).containsExactly("b:1", "b:2");
        assertThat(keysOf(Effects.dbScan("b:", 10).after("b:1"))).containsExactly("b:2");
        assertThat(keysOf(Effects.dbScan("b:", 10).after("zzz"))).isEmpty();
    }

    @Test
    void scanOverTheMaximumLimitIsRejected() {
        try (KvHarness small = open(dir.resolve("small"), JdbcKvConfig.defaults().withMaxScanLimit(5))) {
            assertThat(small.failure(Effects.dbScan("", 6)))
                    .isEqualTo(ZerverError.of(ErrorKind.INVALID_INPUT, "db", "scan_limit"));
            assertThat(small.call(Effects.dbScan("", 5))).isEqualTo(List.of());
        }
    }

    @Test
    void aNulCharacterIsInvalidInputAndStoresNothing() {
        ZerverError nul = ZerverError.of(ErrorKind.INVALID_INPUT, "db", "nul_character");

        assertThat(h.failure(Effects.dbPut("k\0", "v"))).isEqualTo(nul);
        assertThat(h.failure(Effects.dbPut("k", "v\0w"))).isEqualTo(nul);
        assertThat(h.failure(Effects.dbGet("k\0"))).isEqualTo(nul);
        assertThat(h.failure(Effects.dbDelete("\0"))).isEqualTo(nul);
        assertThat(h.failure(Effects.dbScan("k\0", 10))).isEqualTo(nul);
        assertThat(keysOf(Effects.dbScan("", 10))).isEmpty();
        h.call(Effects.dbPut("k", "v"));
        assertThat(h.call(Effects.dbGet("k"))).isEqualTo("v");
    }

    @Test
    void handlersAreLazyUntilSubscribed() {
        Mono<Object> put = h.perform(Effects.dbPut("lazy", "x"));

        assertThat(h.failure(Effects.dbGet("lazy")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        put.block(KvHarness.WAIT);
        assertThat(h.call(Effects.dbGet("lazy"))).isEqualTo("x");
    }

    @Test
    void closedHandlersFailWithUpstreamUnavailable() {
        h.kv.close();

        assertThat(h.failure(Effects.dbGet("k")))
                .isEqualTo(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "db", "closed"));
    }
}
