package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The key/value effects on H2, the embedded database Spring Boot starts for an application
 * that has it on its classpath (the db effects then use it, not an SQLite file of their own).
 * {@code KEY} and {@code VALUE} are reserved words there and its {@code TEXT} cannot be a key.
 */
class JdbcKvOnH2Tests {

    private KvHarness h;

    @BeforeEach
    void open() {
        HikariConfig config = new HikariConfig();
        // As Spring Boot names an embedded H2 database: in memory, kept until the pool closes.
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        config.setMaximumPoolSize(4);
        h = KvHarness.on(new HikariDataSource(config), JdbcKvConfig.defaults());
    }

    @AfterEach
    void close() {
        h.close();
    }

    private List<String> keysOf(DbScan scan) {
        @SuppressWarnings("unchecked")
        List<KeyValue> entries = (List<KeyValue>) h.call(scan);
        return entries.stream().map(KeyValue::key).toList();
    }

    @Test
    void putGetReplaceAndDelete() {
        assertThat(h.failure(Effects.dbGet("todo:1"))).isEqualTo(ZerverError.of(ErrorKind.NOT_FOUND, "db", "todo:1"));
        assertThat(h.call(Effects.dbPut("todo:1", "old"))).isEqualTo(true);
        assertThat(h.call(Effects.dbPut("todo:1", "new"))).isEqualTo(true);

        assertThat(h.call(Effects.dbGet("todo:1"))).isEqualTo("new");
        assertThat(h.call(Effects.dbDelete("todo:1"))).isEqualTo(true);
        assertThat(h.call(Effects.dbDelete("todo:1"))).isEqualTo(false);
    }

    @Test
    void valuesKeepTheirTextExactly() {
        for (String value : List.of("", " padded ", "ünïcödé 😀 \u0007", "{\"a\":[1]}", "x".repeat(100_000))) {
            h.call(Effects.dbPut("v", value));
            assertThat(h.call(Effects.dbGet("v"))).isEqualTo(value);
        }
    }

    @Test
    void scanReturnsTheKeysWithThePrefixInKeyOrderAndPages() {
        for (String key : List.of("todo:3", "todo:1", "user:1", "todo:2", "tod", "todo;", "todo:10", "a%b", "a_b")) {
            h.call(Effects.dbPut(key, "v-" + key));
        }

        assertThat(h.call(Effects.dbScan("todo:", 100))).isEqualTo(List.of(
                new KeyValue("todo:1", "v-todo:1"), new KeyValue("todo:10", "v-todo:10"),
                new KeyValue("todo:2", "v-todo:2"), new KeyValue("todo:3", "v-todo:3")));
        assertThat(keysOf(Effects.dbScan("todo:", 2).after("todo:10"))).containsExactly("todo:2", "todo:3");
        assertThat(keysOf(Effects.dbScan("a%", 10))).containsExactly("a%b");
    }

    @Test
    void theTablesHaveTheQuotedColumnsAndAVarcharKey() {
        h.call(Effects.dbPut("k", "v"));

        assertThat(h.queryString("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'ZERVER_KV' AND COLUMN_NAME = 'key'")).isEqualTo("CHARACTER VARYING");
        assertThat(h.queryString("SELECT \"value\" FROM zerver_kv WHERE \"key\" = 'k'")).isEqualTo("v");
    }

    @Test
    void anIdempotentWriteIsAppliedOnceAndAKeyReusedElsewhereIsAConflict() {
        Effect first = Effects.dbPut("todo:1", "first").idempotencyKey("req-1");
        Effect repeat = Effects.dbPut("todo:1", "second").idempotencyKey("req-1");

        assertThat(h.call(first)).isEqualTo(true);
        assertThat(h.call(repeat)).isEqualTo(true);
        assertThat(h.call(Effects.dbGet("todo:1"))).isEqualTo("first");
        assertThat(h.failure(Effects.dbDelete("todo:1").idempotencyKey("req-1")))
                .isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "idempotency", "req-1"));
    }

    @Test
    void concurrentRepeatsOfOneIdempotencyKeyApplyExactlyOnce() {
        List<Object> answers = Flux.fromStream(IntStream.range(0, 16).boxed())
                .flatMap(i -> h.perform(Effects.dbPut("todo:7", "v" + i).idempotencyKey("same")), 16)
                .collectList()
                .block(KvHarness.WAIT);

        assertThat(answers).hasSize(16).containsOnly(true);
        assertThat(h.queryString("SELECT count(*) FROM zerver_idempotency WHERE \"key\" = 'same'")).isEqualTo("1");
        assertThat(h.queryString("SELECT \"value\" FROM zerver_kv WHERE \"key\" = 'todo:7'")).startsWith("v");
    }
}
