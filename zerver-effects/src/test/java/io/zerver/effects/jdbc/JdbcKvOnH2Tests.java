package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The key/value effects on H2, the embedded database Spring Boot starts for an application
 * that has it on its classpath (the db effects then use it, not an SQLite file of their own).
 * {@code KEY} and {@code VALUE} are reserved words there and its {@code TEXT} cannot be a key.
 * The cases every database answers alike are {@link JdbcKvContractTests}'; these are H2's own.
 */
class JdbcKvOnH2Tests extends JdbcKvContractTests {

    @Override
    KvHarness open(Path dir, JdbcKvConfig config) {
        HikariConfig pool = new HikariConfig();
        // As Spring Boot names an embedded H2 database: in memory, kept until the pool closes.
        pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        pool.setMaximumPoolSize(4);
        return KvHarness.on(new HikariDataSource(pool), config);
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
