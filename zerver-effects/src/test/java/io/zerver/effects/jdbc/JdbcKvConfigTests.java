package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerver.core.config.InvalidValueException;
import org.junit.jupiter.api.Test;

class JdbcKvConfigTests {

    @Test
    void defaultsNameTheTablesAndSizeThreadsToThePool() {
        JdbcKvConfig config = JdbcKvConfig.defaults();

        assertThat(config.table()).isEqualTo("zerver_kv");
        assertThat(config.idempotencyTable()).isEqualTo("zerver_idempotency");
        assertThat(config.threads()).isZero();
        assertThat(config.queuedTasksPerThread()).isPositive();
        assertThat(config.maxScanLimit()).isEqualTo(1000);
        assertThat(config.initializeSchema()).isEqualTo(SchemaInitialization.EMBEDDED);
    }

    @Test
    void withersReturnChangedCopies() {
        JdbcKvConfig config = JdbcKvConfig.defaults().withTable("t1").withIdempotencyTable("t2").withThreads(3)
                .withQueuedTasksPerThread(7).withMaxScanLimit(50).withInitializeSchema(SchemaInitialization.NEVER);

        assertThat(config).isEqualTo(new JdbcKvConfig("t1", "t2", 3, 7, 50, SchemaInitialization.NEVER));
        assertThat(JdbcKvConfig.defaults().table()).isEqualTo("zerver_kv");
    }

    @Test
    void tableNameMustBeAPlainIdentifier() {
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withTable("x; DROP TABLE y"))
                .withMessageContaining("table: \"x; DROP TABLE y\"")
                .withMessageContaining("expected: a letter or _");
        for (String bad : new String[] {"", "1abc", "a-b", "a.b", "\"quoted\"", "a".repeat(64)}) {
            assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withIdempotencyTable(bad))
                    .withMessageContaining("idempotencyTable: \"" + bad + "\"");
        }
        assertThat(JdbcKvConfig.defaults().withTable("_My_table_2").table()).isEqualTo("_My_table_2");
    }

    @Test
    void tablesMustDiffer() {
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withIdempotencyTable("ZERVER_KV"))
                .withMessageContaining("idempotencyTable: ZERVER_KV (expected: a table other than table zerver_kv)");
    }

    @Test
    void numbersMustBeInRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withThreads(-1))
                .withMessage("threads: -1 (expected: >= 0, 0 for the pool size)");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withQueuedTasksPerThread(0))
                .withMessage("queuedTasksPerThread: 0 (expected: >= 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withMaxScanLimit(0))
                .withMessage("maxScanLimit: 0 (expected: >= 1)");
    }

    @Test
    void withTablesSetsBothAtOnceSoThatTheirNamesMaySwap() {
        JdbcKvConfig swapped = JdbcKvConfig.defaults().withTables("zerver_idempotency", "zerver_kv");

        assertThat(swapped.table()).isEqualTo("zerver_idempotency");
        assertThat(swapped.idempotencyTable()).isEqualTo("zerver_kv");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcKvConfig.defaults().withTables("same", "SAME"))
                .withMessage("idempotencyTable: SAME (expected: a table other than table same)");
    }

    @Test
    void refusedValueNamesItsComponentAndWhatIsExpectedApart() {
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
                () -> JdbcKvConfig.defaults().withThreads(-1));

        assertThat(refused.name()).isEqualTo("threads");
        assertThat(refused.value()).isEqualTo(-1);
        assertThat(refused.expected()).isEqualTo(">= 0, 0 for the pool size");
    }
}
