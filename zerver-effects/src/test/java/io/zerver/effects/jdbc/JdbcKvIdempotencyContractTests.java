package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Writes carrying an idempotency key are applied at most once per key, on every database a
 * subclass gives; each counts the writes reaching the table with its own triggers.
 */
abstract class JdbcKvIdempotencyContractTests {

    @TempDir
    Path dir;

    KvHarness h;

    /** The handlers over the subclass's database: a fresh one, or the one opened before when {@code again}. */
    abstract KvHarness open(Path dir, boolean again);

    /** Creates table {@code writes (n)} holding 0 and triggers adding 1 to it on each change of {@code zerver_kv}. */
    abstract void countWrites();

    /** Makes inserting key {@code forbidden} break a constraint, or stops doing so. */
    abstract void forbid(boolean forbidden);

    @BeforeEach
    void open() {
        h = open(dir, false);
        h.call(Effects.dbPut("warm", "up"));
        countWrites();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private int writes() {
        return Integer.parseInt(h.queryString("SELECT n FROM writes"));
    }

    private static Effect put(String key, String value, String idempotencyKey) {
        return Effects.dbPut(key, value).idempotencyKey(idempotencyKey);
    }

    private static Effect delete(String key, String idempotencyKey) {
        return Effects.dbDelete(key).idempotencyKey(idempotencyKey);
    }

    @Test
    void repeatedPutAnswersTheFirstOutcomeAndKeepsTheFirstValue() {
        assertThat(h.call(put("todo:1", "first", "req-1"))).isEqualTo(true);
        assertThat(h.call(put("todo:1", "second", "req-1"))).isEqualTo(true);

        assertThat(h.call(Effects.dbGet("todo:1"))).isEqualTo("first");
        assertThat(writes()).isEqualTo(1);
    }

    @Test
    void repeatedDeleteAnswersTheFirstOutcomeWithoutDeletingAgain() {
        h.call(Effects.dbPut("todo:1", "a"));
        assertThat(h.call(delete("todo:1", "del-1"))).isEqualTo(true);
        h.call(Effects.dbPut("todo:1", "b"));

        assertThat(h.call(delete("todo:1", "del-1"))).as("the first outcome").isEqualTo(true);
        assertThat(h.call(Effects.dbGet("todo:1"))).as("not deleted again").isEqualTo("b");
        assertThat(h.call(delete("todo:2", "del-2"))).isEqualTo(false);
        assertThat(h.call(delete("todo:2", "del-2"))).isEqualTo(false);
    }

    @Test
    void concurrentRepeatsOfOneKeyApplyExactlyOnce() {
        List<Object> answers = Flux.fromStream(IntStream.range(0, 32).boxed())
                .flatMap(i -> h.perform(put("todo:7", "v" + i, "same")), 32)
                .collectList()
                .block(KvHarness.WAIT);

        assertThat(answers).hasSize(32).containsOnly(true);
        assertThat(writes()).isEqualTo(1);
        assertThat(h.queryString("SELECT count(*) FROM zerver_idempotency WHERE key = 'same'")).isEqualTo("1");
    }

    @Test
    void keyReusedForAnotherKindOfWriteIsConflict() {
        h.call(put("todo:1", "a", "req-1"));

        assertThat(h.failure(delete("todo:1", "req-1")))
                .isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "idempotency", "req-1"));
        assertThat(h.failure(delete("todo:1", "req-1")).status()).isEqualTo(409);
        assertThat(h.call(Effects.dbGet("todo:1"))).isEqualTo("a");
    }

    @Test
    void keyReusedForAnotherKeyIsConflict() {
        h.call(put("todo:1", "a", "req-1"));

        assertThat(h.failure(put("todo:2", "a", "req-1")))
                .isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "idempotency", "req-1"));
        assertThat(h.failure(Effects.dbGet("todo:2")).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void failedWriteRecordsNoOutcome() {
        forbid(true);
        assertThat(h.failure(put("forbidden", "x", "req-9")).kind()).isEqualTo(ErrorKind.INTERNAL);
        forbid(false);

        assertThat(h.call(put("forbidden", "x", "req-9"))).isEqualTo(true);
        assertThat(h.call(Effects.dbGet("forbidden"))).isEqualTo("x");
    }

    @Test
    void outcomesOutliveTheProcessThatRecordedThem() {
        h.call(put("todo:1", "first", "req-1"));
        h.close();

        h = open(dir, true);
        assertThat(h.call(put("todo:1", "second", "req-1"))).isEqualTo(true);
        assertThat(h.call(Effects.dbGet("todo:1"))).isEqualTo("first");
    }
}
