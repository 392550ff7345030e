package io.zerver.samples.todos;

import static io.zerver.samples.todos.TodoSteps.AUTH;
import static io.zerver.samples.todos.TodoSteps.CLAIM;
import static io.zerver.samples.todos.TodoSteps.CREATE;
import static io.zerver.samples.todos.TodoSteps.LOAD;
import static io.zerver.samples.todos.TodoSteps.NEW_TODO;
import static io.zerver.samples.todos.TodoSteps.RENDER_LIST;
import static io.zerver.samples.todos.TodoSteps.ROWS;
import static io.zerver.samples.todos.TodoSteps.USER;
import static io.zerver.samples.todos.TodoSteps.VALIDATE_NEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.test.ReqTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The steps without a server: ReqTest, scripted effects, virtual time, a fixed clock. */
class TodoStepsTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ANN = "ann";

    @Test
    void everyRoutesPipelineValidates() {
        RouteTable.Builder builder = RouteTable.builder();
        new TodosFeature().todosRoutes().register(builder);

        assertThat(builder.build().routes()).extracting(r -> r.pipeline().name()).containsExactly(
                "GET /todos", "POST /todos", "GET /todos/:id", "PATCH /todos/:id", "PUT /todos/:id",
                "DELETE /todos/:id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t " })
    void authRefusesABlankUser(String user) {
        ReqTest.Result result = ReqTest.get("/todos").header("X-User-ID", user).run(AUTH);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.body()).contains("\"what\":\"auth\",\"key\":\"missing_user\"");
    }

    @Test
    void validationBuildsTheTodoFromTheBodyAndTheContext() {
        ReqTest.StepRun run = ReqTest.post("/todos", "{\"title\":\"milk\"}").seed(USER, ANN).step(VALIDATE_NEW);

        assertThat(run.decision()).isInstanceOf(Decision.Continue.class);
        assertThat(run.slot(NEW_TODO)).hasValueSatisfying(created -> {
            assertThat(created.todo().title()).isEqualTo("milk");
            assertThat(created.todo().done()).isFalse();
            assertThat(created.todo().createdAt()).isEqualTo(NOW);
            assertThat(TodoKeys.isValidId(created.todo().id())).isTrue();
            assertThat(created.idempotencyKey()).isNull();
        });
    }

    @Test
    void validationRefusesATitleOver200Characters() {
        ReqTest.Result result = ReqTest.post("/todos", "{\"title\":\"" + "x".repeat(201) + "\"}")
                .seed(USER, ANN).run(VALIDATE_NEW);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).contains("\"what\":\"todo\",\"key\":\"title_too_long\"");
        assertThat(result.effects().performed()).isEmpty();
    }

    @Test
    void anIdempotentCreateRecordsItsRequestWritesOnceThenAnswersWhatTheStoreHolds() {
        String id = TodoKeys.idempotentId(ANN, "k-1");
        Todo first = new Todo(id, "repeated title", false, Instant.parse("2025-12-31T23:00:00Z"));
        ReqTest t = ReqTest.post("/todos", "{\"title\":\"repeated title\"}")
                .header("X-User-ID", ANN).header("Idempotency-Key", "k-1");
        t.effects().on(DbPut.class).succeed(true);
        t.effects().on(DbGet.class).succeed(first.toJson());
        t.effects().on(DbGet.class, get -> get.key().startsWith("todo-request:")).succeed(TodoKeys.fingerprint(first));

        ReqTest.Result result = t.run(AUTH, VALIDATE_NEW, CLAIM, CREATE);

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.body()).isEqualTo(first.toJson());
        assertThat(result.response().header("Location")).contains("/todos/" + id);
        assertThat(t.effects().performed()).extracting(TodoStepsTests::dbKey)
                .containsExactly("todo-request:ann:" + id, "todo-request:ann:" + id, "todo:ann:" + id, "todo:ann:" + id);
        assertThat(t.effects().performed(DbPut.class)).extracting(put -> put.options().idempotencyKey())
                .containsExactly("todos:request:" + id, "todos:create:" + id);
        assertThat(t.effects().performed(DbPut.class).get(0).value()).isEqualTo(TodoKeys.fingerprint(first));
    }

    @Test
    void anIdempotencyKeyFirstUsedForAnotherTodoIs422AndWritesNoTodo() {
        String id = TodoKeys.idempotentId(ANN, "k-1");
        Todo first = new Todo(id, "first title", false, NOW);
        ReqTest t = ReqTest.post("/todos", "{\"title\":\"another title\"}")
                .header("X-User-ID", ANN).header("Idempotency-Key", "k-1");
        t.effects().on(DbPut.class).succeed(true);
        t.effects().on(DbGet.class).succeed(TodoKeys.fingerprint(first));

        ReqTest.Result result = t.run(AUTH, VALIDATE_NEW, CLAIM, CREATE);

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.body()).contains("\"kind\":\"UnprocessableContent\",\"what\":\"idempotency\",\"key\":\"key_reused\"");
        assertThat(t.effects().performed()).extracting(TodoStepsTests::dbKey).allMatch(key -> key.startsWith("todo-request:"));
    }

    @Test
    void theFingerprintIsTheTitleAndDoneAsked() {
        Todo milk = new Todo("a", "milk", false, NOW);

        assertThat(TodoKeys.fingerprint(milk)).startsWith("sha256:")
                .isEqualTo(TodoKeys.fingerprint(new Todo("b", "milk", false, NOW.plusSeconds(1))))
                .isNotEqualTo(TodoKeys.fingerprint(new Todo("a", "milk", true, NOW)))
                .isNotEqualTo(TodoKeys.fingerprint(new Todo("a", "Milk", false, NOW)));
    }

    @Test
    void aMissingTodoIsTheFeaturesOwn404() {
        ReqTest t = ReqTest.get("/todos/abc").header("X-User-ID", ANN).param("id", "abc");
        t.effects().on(DbGet.class).fail(ErrorKind.NOT_FOUND);

        ReqTest.Result result = t.run(AUTH, LOAD);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).contains("\"kind\":\"NotFound\",\"what\":\"todo\",\"key\":\"abc\"");
    }

    @Test
    void aStoreOutageIsRetriedThenPassedOnNotDisguisedAsA404() {
        ReqTest t = ReqTest.get("/todos/abc").header("X-User-ID", ANN).param("id", "abc");
        t.effects().on(DbGet.class).fail(ErrorKind.UPSTREAM_UNAVAILABLE);

        assertThat(t.run(AUTH, LOAD).status()).isEqualTo(502);
        assertThat(t.effects().performed(DbGet.class)).hasSize(3);
    }

    @Test
    void theListIsOldestFirst() {
        Todo older = new Todo("zzz", "older", false, NOW.minusSeconds(60));
        Todo newer = new Todo("aaa", "newer", true, NOW);
        List<KeyValue> rows = List.of(new KeyValue("todo:ann:aaa", newer.toJson()),
                new KeyValue("todo:ann:zzz", older.toJson()));

        ReqTest.Result result = ReqTest.get("/todos").seed(ROWS, rows).run(RENDER_LIST);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("[" + older.toJson() + "," + newer.toJson() + "]");
    }

    @Test
    void userIdsCannotOverlapEachOthersPrefixes() {
        assertThat(TodoKeys.prefix("ann")).isEqualTo("todo:ann:");
        assertThat(TodoKeys.prefix("ann:x")).isEqualTo("todo:ann%3Ax:").doesNotStartWith(TodoKeys.prefix("ann"));
        assertThat(TodoKeys.prefix("ann%3Ax")).isNotEqualTo(TodoKeys.prefix("ann:x"));
        assertThat(TodoKeys.idempotentId("ann", "k")).isNotEqualTo(TodoKeys.idempotentId("bob", "k"))
                .isEqualTo(TodoKeys.idempotentId("ann", "k")).hasSize(22);
    }

    private static String dbKey(Effect effect) {
        if (effect instanceof DbPut put) {
            return put.key();
        }
        return ((DbGet) effect).key();
    }
}
