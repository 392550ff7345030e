package io.zerver.effects.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SchemaInitialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL effects' contract, the same on every database a subclass gives: rows mapped to a
 * record or a simple type, one/optional/list, row counts, generated keys, batches and
 * transactions all or nothing, named DataSources, and the errors a step sees.
 */
abstract class SqlEffectsContractTests {

    static final EffectContext CONTEXT = new EffectContext("r1", 1, Duration.ofSeconds(5));

    /** A row of the test table, as a step would declare it. */
    record Todo(long id, String owner, String title, boolean done) {
    }

    @TempDir
    Path dir;

    HikariDataSource dataSource;
    HikariDataSource other;
    SqlEffects sql;
    EffectHandlers handlers;

    /** A fresh, empty database of the subclass's kind. */
    abstract HikariDataSource open(Path dir, String name);

    /** The test table: {@code todo(id generated, owner, title unique, done)} in this database's SQL. */
    abstract String createTodoTable();

    @BeforeEach
    void open() {
        dataSource = open(dir, "main");
        other = open(dir, "other");
        JdbcClient.create(dataSource).sql(createTodoTable()).update();
        JdbcClient.create(other).sql(createTodoTable()).update();
        // The idempotency table, as the db effects create it on the application's DataSource.
        try (JdbcKvEffects kv = JdbcKvEffects.create(dataSource,
                JdbcKvConfig.defaults().withInitializeSchema(SchemaInitialization.ALWAYS))) {
            kv.initialize();
        }
        sql = SqlEffects.create(dataSource, Map.of("reports", other), 4);
        handlers = sql.handlers();
    }

    @AfterEach
    void close() {
        sql.close();
        dataSource.close();
        other.close();
    }

    @Nullable Object call(Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler of %s", effect.kind()).isNotNull();
        return handler.perform(effect, CONTEXT).block(Duration.ofSeconds(10));
    }

    ZerverError failure(Effect effect) {
        Throwable thrown = catchThrowable(() -> call(effect));
        assertThat(thrown).as("what %s failed with", effect.kind()).isInstanceOf(ZerverException.class);
        return ((ZerverException) thrown).error();
    }

    Object insert(String owner, String title) {
        return call(Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:owner, :title, :done)")
                .param("owner", owner).param("title", title).param("done", false).update());
    }

    @Test
    void anUpdateAnswersItsRowCountAndAQueryMapsRowsToARecord() {
        assertThat(insert("ann", "milk")).isEqualTo(1);
        assertThat(insert("ann", "eggs")).isEqualTo(1);
        assertThat(insert("bob", "tea")).isEqualTo(1);

        Object rows = call(Effects.sql("SELECT id, owner, title, done FROM todo WHERE owner = :owner ORDER BY title")
                .param("owner", "ann").list(Todo.class));

        assertThat(rows).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting("title", "done").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eggs", false),
                        org.assertj.core.groups.Tuple.tuple("milk", false));
        assertThat(call(Effects.sql("UPDATE todo SET done = :done WHERE owner = :owner").param("done", true)
                .param("owner", "ann").update())).isEqualTo(2);
    }

    @Test
    void oneOptionalAndSimpleTypes() {
        insert("ann", "milk");

        assertThat(call(Effects.sql("SELECT title FROM todo WHERE owner = :o").param("o", "ann").one(String.class)))
                .isEqualTo("milk");
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
        assertThat(call(Effects.sql("SELECT id, owner, title, done FROM todo WHERE owner = :o").param("o", "bob")
                .optional(Todo.class))).isEqualTo(Optional.empty());
        assertThat(call(Effects.sql("SELECT id, owner, title, done FROM todo WHERE owner = :o").param("o", "ann")
                .optional(Todo.class))).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.OPTIONAL)
                .get().extracting("title").isEqualTo("milk");
    }

    @Test
    void noRowForOneIsNotFoundAndTwoRowsForOneIsInternal() {
        insert("ann", "milk");
        insert("ann", "eggs");

        assertThat(failure(Effects.sql("SELECT title FROM todo WHERE owner = 'bob'").one(String.class)))
                .isEqualTo(ZerverError.of(ErrorKind.NOT_FOUND, "sql", "no_row"));
        assertThat(failure(Effects.sql("SELECT title FROM todo WHERE owner = 'ann'").one(String.class)))
                .isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "sql", "more_than_one_row"));
        assertThat(failure(Effects.sql("SELECT title FROM todo WHERE owner = 'ann'").optional(String.class)))
                .isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "sql", "more_than_one_row"));
    }

    @Test
    void aBrokenConstraintIsAConflictAndChangesNothing() {
        insert("ann", "milk");

        assertThat(failure(Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('bob', 'milk', false)").update()))
                .isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "sql", "constraint"));
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
    }

    @Test
    void anInsertCanAnswerItsGeneratedKey() {
        Object keys = call(Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:o, :t, false)")
                .param("o", "ann").param("t", "milk").update().returningKeys());

        assertThat(keys).isInstanceOf(Map.class);
        Object id = call(Effects.sql("SELECT id FROM todo WHERE title = 'milk'").one(Long.class));
        assertThat(((Map<?, ?>) keys).values()).anySatisfy(value -> assertThat(((Number) value).longValue())
                .isEqualTo(id));
    }

    @Test
    void aNullParameterIsSqlNull() {
        call(Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:o, :t, false)").param("o", "ann")
                .param("t", null).update());

        assertThat(call(Effects.sql("SELECT count(*) FROM todo WHERE title IS NULL").one(Long.class))).isEqualTo(1L);
    }

    @Test
    void aBatchIsAllOrNothing() {
        Object counts = call(Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:owner, :title, false)")
                .param("owner", "ann")
                .batch(List.of(Map.of("title", "a"), Map.of("title", "b"), Map.of("title", "c"))));
        assertThat(counts).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(3);

        ZerverError broken = failure(Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('bob', :title, false)")
                .batch(List.of(Map.of("title", "d"), Map.of("title", "a"))));

        assertThat(broken).isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "sql", "constraint"));
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(3L);
    }

    @Test
    void aTransactionIsAllOrNothing() {
        Object answers = call(Effects.sqlTransaction(
                Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('ann', 'milk', false)").update(),
                Effects.sql("UPDATE todo SET done = true WHERE title = 'milk'").update()));
        assertThat(answers).isEqualTo(List.of(1, 1));

        ZerverError broken = failure(Effects.sqlTransaction(
                Effects.sql("UPDATE todo SET done = false WHERE title = 'milk'").update(),
                Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('bob', 'tea', false)").update(),
                Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('bob', 'milk', false)").update()));

        assertThat(broken).isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "sql", "constraint"));
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
        assertThat(call(Effects.sql("SELECT done FROM todo WHERE title = 'milk'").one(Boolean.class))).isEqualTo(true);
    }

    @Test
    void anUpdateWithAnIdempotencyKeyIsAppliedOnceAndARepeatAnswersTheFirstOutcome() {
        Effect create = Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:o, :t, false)")
                .param("o", "ann").param("t", "milk").update().idempotencyKey("req-1");

        assertThat(call(create)).isEqualTo(1);
        assertThat(call(create)).isEqualTo(1);

        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
        assertThat(failure(Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:o, :t, false)")
                .param("o", "ann").param("t", "eggs").update().idempotencyKey("req-1")))
                .isEqualTo(ZerverError.of(ErrorKind.CONFLICT, "idempotency", "req-1"));
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
    }

    @Test
    void aRepeatIsKnownByItsParametersValuesEvenBytes() {
        for (int i = 0; i < 2; i++) {
            Effect create = Effects.sql("INSERT INTO todo (owner, title, done) VALUES (:o, :t, false)")
                    .param("o", "ann").param("t", "milk").param("attachment", new byte[] { 1, 2, 3 })
                    .update().idempotencyKey("req-3");

            assertThat(call(create)).isEqualTo(1);
        }
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
    }

    @Test
    void aTransactionWithAnIdempotencyKeyIsAppliedOnceAndConcurrentRepeatsToo() {
        Effect transfer = Effects.sqlTransaction(
                Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('ann', 'milk', false)").update(),
                Effects.sql("UPDATE todo SET done = true WHERE title = 'milk'").update())
                .idempotencyKey("req-2");

        EffectHandler<Effect> handler = handlers.find(transfer);
        assertThat(handler).isNotNull();
        List<Object> answers = reactor.core.publisher.Flux.range(0, 8)
                .flatMap(i -> handler.perform(transfer, CONTEXT).cast(Object.class), 8)
                .collectList().block(Duration.ofSeconds(20));

        assertThat(answers).hasSize(8).containsOnly(List.of(1, 1));
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(1L);
    }

    @Test
    void badSqlIsInternalAndNotRetried() {
        ZerverError bad = failure(Effects.sql("SELECT nothing FROM nowhere").list(String.class));

        assertThat(bad).isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "sql", "statement"));
        assertThat(bad.kind().isTransient()).isFalse();
    }

    @Test
    void aStatementRunsOnTheDataSourceItNames() {
        call(Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('ann', 'report', false)").on("reports").update());

        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(0L);
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").on("reports").one(Long.class))).isEqualTo(1L);
        assertThat(failure(Effects.sql("SELECT 1").on("missing").one(Long.class)))
                .isEqualTo(ZerverError.of(ErrorKind.INTERNAL, "sql", "no_datasource:missing"));
    }

    @Test
    void handlersAreLazyUntilSubscribedAndClosedOnesAreUnavailable() {
        EffectHandler<Effect> handler = handlers.find(Effects.sql("x").update());
        assertThat(handler).isNotNull();
        handler.perform(Effects.sql("INSERT INTO todo (owner, title, done) VALUES ('a', 'b', false)").update(),
                CONTEXT);
        assertThat(call(Effects.sql("SELECT count(*) FROM todo").one(Long.class))).isEqualTo(0L);

        sql.close();

        assertThat(failure(Effects.sql("SELECT 1").one(Long.class)))
                .isEqualTo(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "sql", "closed"));
    }
}
