package io.zerver.samples.todos;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.json.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The todos contract of docs/contract.md, black box: a plain WebFlux application that imports
 * {@link TodosFeature}, on a real server, over the embedded SQLite store in a temporary data
 * directory. Every test uses users of its own, so the tests share one store safely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.banner-mode=off", "zerver.limits.max-body-size=" + TodosContractTests.BODY_LIMIT })
class TodosContractTests {

    /**
     * Far above any todo, and small enough that a body over it still fits in the socket
     * buffers: the server answers 413 before reading it all and closes the connection, which
     * a client still writing a body of megabytes may see as a reset instead of the answer.
     */
    static final String BODY_LIMIT = "16KB";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TodosFeature.class)
    static class App {
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    // ---- authentication ----

    static Stream<Arguments> everyRoute() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/todos", null),
                Arguments.of(HttpMethod.POST, "/todos", "{\"title\":\"milk\"}"),
                Arguments.of(HttpMethod.GET, "/todos/abc", null),
                Arguments.of(HttpMethod.PATCH, "/todos/abc", "{\"done\":true}"),
                Arguments.of(HttpMethod.PUT, "/todos/abc", "{\"title\":\"milk\"}"),
                Arguments.of(HttpMethod.DELETE, "/todos/abc", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void everyRouteWithoutAUserIs401(HttpMethod method, String path, @Nullable String body) {
        assertError(send(method, path, null, body), 401, "Unauthorized", "auth", "missing_user");
    }

    /** An empty value; a blank one is the same on the wire, whose parsers strip the whitespace around values. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void everyRouteWithAnEmptyUserIs401(HttpMethod method, String path, @Nullable String body) {
        assertError(send(method, path, "", body), 401, "Unauthorized", "auth", "missing_user");
    }

    /**
     * Two values are no identity: behind a proxy that appends the user it authenticated, the
     * first one would be whatever the client sent.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void everyRouteWithARepeatedUserIs401(HttpMethod method, String path, @Nullable String body) {
        String ann = user("ann");
        create(ann, "{\"title\":\"milk\"}");

        assertError(send(method, path, ann, body, "X-User-ID", user("bob")), 401, "Unauthorized", "auth",
                "repeated_user");
        assertThat(list(ann)).hasSize(1);
    }

    @Test
    void authenticationComesBeforeValidation() {
        assertError(send(HttpMethod.POST, "/todos", null, "{"), 401, "Unauthorized", "auth", "missing_user");
    }

    // ---- create ----

    @Test
    void createAnswers201WithTheTodoAndItsLocation() {
        String ann = user("ann");
        Answer created = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"buy milk\",\"done\":false}");

        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> todo = created.object();
        assertThat(todo.get("id")).isInstanceOf(String.class);
        assertThat(todo.get("title")).isEqualTo("buy milk");
        assertThat(todo.get("done")).isEqualTo(false);
        assertThat(created.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo("/todos/" + todo.get("id"));
        assertThat(created.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);

        Answer fetched = send(HttpMethod.GET, created.headers().getFirst(HttpHeaders.LOCATION), ann, null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.object()).isEqualTo(todo);
    }

    @Test
    void createDefaultsDoneToFalseAndKeepsTheTitleAsSent() {
        Map<String, Object> todo = create(user("ann"), "{\"title\":\"  \\\"quoted\\\" <b>&</b> ünïcødé ✓ \"}");

        assertThat(todo.get("title")).isEqualTo("  \"quoted\" <b>&</b> ünïcødé ✓ ");
        assertThat(todo.get("done")).isEqualTo(false);
    }

    @Test
    void createAcceptsATitleOfExactly200Characters() {
        assertThat(create(user("ann"), "{\"title\":\"" + "é".repeat(200) + "\",\"done\":true}"))
                .containsEntry("done", true);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badBodies")
    void createRefusesBadBodiesWith400(String body, String key) {
        String ann = user("ann");
        assertError(send(HttpMethod.POST, "/todos", ann, body), 400, "InvalidInput", "todo", key);
        assertThat(list(ann)).isEmpty();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"title\":", "malformed"),
                Arguments.of("not json", "malformed"),
                Arguments.of("{\"title\":\"milk\",\"n\":1e2147483647}", "malformed"),
                Arguments.of("", "malformed"),
                Arguments.of("[" .repeat(100) + "]".repeat(100), "too_deep"),
                Arguments.of("[{\"title\":\"milk\"}]", "not_an_object"),
                Arguments.of("\"milk\"", "not_an_object"),
                Arguments.of("{}", "title_missing"),
                Arguments.of("{\"done\":true}", "title_missing"),
                Arguments.of("{\"title\":null}", "title_missing"),
                Arguments.of("{\"title\":\"\"}", "title_blank"),
                Arguments.of("{\"title\":\" \\t\\n \"}", "title_blank"),
                Arguments.of("{\"title\":42}", "title_not_a_string"),
                Arguments.of("{\"title\":\"" + "x".repeat(201) + "\"}", "title_too_long"),
                Arguments.of("{\"title\":\"milk\",\"done\":\"yes\"}", "done_not_boolean"),
                Arguments.of("{\"title\":\"milk\",\"done\":0}", "done_not_boolean"),
                Arguments.of("{\"title\":\"milk\",\"done\":null}", "done_not_boolean"));
    }

    /** Refused by the WebFlux adapter before the body is read whole, answered by the engine with its request id. */
    @Test
    void aBodyOverTheLimitIs413() {
        Answer answer = send(HttpMethod.POST, "/todos", user("ann"),
                "{\"title\":\"" + "x".repeat(16 * 1024) + "\"}");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.object()).extracting(b -> ((Map<?, ?>) b.get("error")).get("kind"))
                .isEqualTo("PayloadTooLarge");
    }

    // ---- idempotency ----

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstResultAndCreatesNothing() {
        String ann = user("ann");
        Answer first = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"once\"}", "Idempotency-Key", "k-1");
        Answer repeat = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"once\"}", "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.object()).isEqualTo(first.object()).containsEntry("title", "once");
        assertThat(repeat.headers().getFirst(HttpHeaders.LOCATION))
                .isEqualTo(first.headers().getFirst(HttpHeaders.LOCATION));
        assertThat(list(ann)).containsExactly(first.object());
    }

    /** The same todo, spelt otherwise: what counts is the title and done it asks for. */
    @Test
    void aRepeatIsTheSameTitleAndDoneHoweverTheBodySpellsThem() {
        String ann = user("ann");
        Answer first = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"milk\"}", "Idempotency-Key", "k-1");
        Answer repeat = send(HttpMethod.POST, "/todos", ann, "{ \"done\" : false, \"title\" : \"m\\u0069lk\" }",
                "Idempotency-Key", "k-1");

        assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
        assertThat(repeat.object()).isEqualTo(first.object());
        assertThat(list(ann)).containsExactly(first.object());
    }

    /**
     * Not a repeat but a client error (the IETF httpapi Idempotency-Key draft's 422): the key
     * was first used for another todo. Nothing is created, the first todo stays as it was, and
     * a true repeat still answers it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"title\":\"DIFFERENT\"}", "{\"title\":\"first\",\"done\":true}",
            "{\"title\":\"first \"}" })
    void anIdempotencyKeyReusedWithAnotherBodyIs422AndCreatesNothing(String other) {
        String ann = user("ann");
        Answer first = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"first\"}", "Idempotency-Key", "k-1");
        String location = first.headers().getFirst(HttpHeaders.LOCATION);

        assertError(send(HttpMethod.POST, "/todos", ann, other, "Idempotency-Key", "k-1"), 422,
                "UnprocessableContent", "idempotency", "key_reused");

        assertThat(list(ann)).containsExactly(first.object());
        assertThat(send(HttpMethod.GET, location, ann, null).object()).isEqualTo(first.object())
                .containsEntry("title", "first").containsEntry("done", false);
        Answer repeat = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"first\"}", "Idempotency-Key", "k-1");
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.object()).isEqualTo(first.object());
    }

    /**
     * A todo created under a key before fingerprints were recorded (its rows written here as
     * that version wrote them) has none to compare with: the first request since is answered
     * as a repeat, as it was then, and records its own; another body after it is 422.
     */
    @Test
    void aKeyUsedBeforeFingerprintsWereRecordedAnswersTheFirstTodoThenRefusesAnotherBody() {
        create(user("schema"), "{\"title\":\"creates the tables\"}");
        String ann = user("ann");
        String id = TodoKeys.idempotentId(ann, "old-key");
        Todo old = new Todo(id, "from before", false, Instant.parse("2025-01-01T00:00:00Z"));
        JdbcClient db = JdbcClient.create(dataSource);
        db.sql("INSERT INTO zerver_kv (key, value, updated_at) VALUES (?, ?, 0)")
                .params(TodoKeys.key(ann, id), old.toJson()).update();
        db.sql("INSERT INTO zerver_idempotency (key, kind, target, outcome, created_at) VALUES (?, 'db.put', ?, 'true', 0)")
                .params(TodoKeys.createIdempotencyKey(id), TodoKeys.key(ann, id)).update();

        Answer since = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"since\"}", "Idempotency-Key", "old-key");
        assertThat(since.status()).as(since.body()).isEqualTo(201);
        assertThat(since.body()).isEqualTo(old.toJson());

        assertError(send(HttpMethod.POST, "/todos", ann, "{\"title\":\"later\"}", "Idempotency-Key", "old-key"),
                422, "UnprocessableContent", "idempotency", "key_reused");
        assertThat(send(HttpMethod.POST, "/todos", ann, "{\"title\":\"since\"}", "Idempotency-Key", "old-key").body())
                .isEqualTo(old.toJson());
        assertThat(list(ann)).containsExactly(Json.parse(old.toJson(), 4));
    }

    @Test
    void aDifferentIdempotencyKeyCreatesAnotherTodo() {
        String ann = user("ann");
        Answer first = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"milk\"}", "Idempotency-Key", "k-1");
        Answer second = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"milk\"}", "Idempotency-Key", "k-2");

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.object().get("id")).isNotEqualTo(first.object().get("id"));
        assertThat(list(ann)).hasSize(2);
    }

    @Test
    void usersSharingAnIdempotencyKeyGetTodosOfTheirOwn() {
        String ann = user("ann");
        String bob = user("bob");
        Answer ofAnn = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"ann's\"}", "Idempotency-Key", "same");
        Answer ofBob = send(HttpMethod.POST, "/todos", bob, "{\"title\":\"bob's\"}", "Idempotency-Key", "same");

        assertThat(ofBob.status()).isEqualTo(201);
        assertThat(ofBob.object()).containsEntry("title", "bob's");
        assertThat(ofBob.object().get("id")).isNotEqualTo(ofAnn.object().get("id"));
        assertThat(list(ann)).containsExactly(ofAnn.object());
        assertThat(list(bob)).containsExactly(ofBob.object());
    }

    @Test
    void withoutAnIdempotencyKeyEveryPostCreates() {
        String ann = user("ann");
        create(ann, "{\"title\":\"milk\"}");
        create(ann, "{\"title\":\"milk\"}");
        assertThat(list(ann)).hasSize(2);
    }

    @Test
    void aRepeatAfterTheTodoWasDeletedIs404AndCreatesNothing() {
        String ann = user("ann");
        Answer first = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"milk\"}", "Idempotency-Key", "k-1");
        String id = (String) first.object().get("id");
        assertThat(send(HttpMethod.DELETE, "/todos/" + id, ann, null).status()).isEqualTo(204);

        Answer repeat = send(HttpMethod.POST, "/todos", ann, "{\"title\":\"milk\"}", "Idempotency-Key", "k-1");
        assertError(repeat, 404, "NotFound", "todo", id);
        assertThat(list(ann)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 256 })
    void anEmptyOrOverlongIdempotencyKeyIs400(int length) {
        assertError(send(HttpMethod.POST, "/todos", user("ann"), "{\"title\":\"milk\"}",
                "Idempotency-Key", "k".repeat(length)), 400, "InvalidInput", "todo", "idempotency_key_invalid");
    }

    @Test
    void twoIdempotencyKeysInOneRequestAre400AndCreateNothing() {
        String ann = user("ann");

        assertError(send(HttpMethod.POST, "/todos", ann, "{\"title\":\"milk\"}", "Idempotency-Key", "k-1",
                "Idempotency-Key", "k-2"), 400, "InvalidInput", "todo", "idempotency_key_invalid");
        assertThat(list(ann)).isEmpty();
    }

    // ---- list ----

    @Test
    void listAnswersOnlyTheCallersTodos() {
        String ann = user("ann");
        String bob = user("bob");
        Map<String, Object> milk = create(ann, "{\"title\":\"milk\"}");
        Map<String, Object> eggs = create(ann, "{\"title\":\"eggs\",\"done\":true}");
        Map<String, Object> tea = create(bob, "{\"title\":\"tea\"}");

        assertThat(list(ann)).containsExactlyInAnyOrder(milk, eggs);
        assertThat(list(bob)).containsExactly(tea);
        assertThat(list(user("carol"))).isEmpty();
    }

    @Test
    void aUserIdCannotReachIntoAnotherUsersTodos() {
        String dan = user("dan");
        Map<String, Object> hidden = create(dan + ":x", "{\"title\":\"hidden\"}");
        create(dan + "%3Ax", "{\"title\":\"also hidden\"}");

        assertThat(list(dan)).isEmpty();
        assertError(send(HttpMethod.GET, "/todos/x%3A" + hidden.get("id"), dan, null),
                404, "NotFound", "todo", "invalid_id");
        assertThat(list(dan + ":x")).containsExactly(hidden);
    }

    // ---- read ----

    @Test
    void getAnswersTheTodo() {
        String ann = user("ann");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\"}");

        Answer answer = send(HttpMethod.GET, "/todos/" + todo.get("id"), ann, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.object()).isEqualTo(todo);
    }

    @Test
    void getOfAnotherUsersTodoIs404() {
        String ann = user("ann");
        String bob = user("bob");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\"}");

        assertError(send(HttpMethod.GET, "/todos/" + todo.get("id"), bob, null), 404, "NotFound", "todo",
                (String) todo.get("id"));
    }

    @Test
    void getOfAnUnknownIdIs404() {
        assertError(send(HttpMethod.GET, "/todos/nope", user("ann"), null), 404, "NotFound", "todo", "nope");
    }

    // ---- update ----

    @Test
    void patchChangesTheGivenFieldsOnly() {
        String ann = user("ann");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\"}");
        String path = "/todos/" + todo.get("id");

        Answer done = send(HttpMethod.PATCH, path, ann, "{\"done\":true}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.object()).containsEntry("id", todo.get("id")).containsEntry("title", "milk")
                .containsEntry("done", true).containsEntry("createdAt", todo.get("createdAt"));

        Answer renamed = send(HttpMethod.PATCH, path, ann, "{\"title\":\"oat milk\"}");
        assertThat(renamed.object()).containsEntry("title", "oat milk").containsEntry("done", true);
        assertThat(send(HttpMethod.GET, path, ann, null).object()).isEqualTo(renamed.object());
    }

    @Test
    void putReplacesTheTodo() {
        String ann = user("ann");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\",\"done\":true}");
        String path = "/todos/" + todo.get("id");

        Answer replaced = send(HttpMethod.PUT, path, ann, "{\"title\":\"eggs\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.object()).containsEntry("id", todo.get("id")).containsEntry("title", "eggs")
                .containsEntry("done", false);
        assertThat(send(HttpMethod.GET, path, ann, null).object()).isEqualTo(replaced.object());
        assertThat(list(ann)).containsExactly(replaced.object());
    }

    @ParameterizedTest
    @ValueSource(strings = { "PATCH", "PUT" })
    void updatingAnAbsentTodoIs404AndCreatesNothing(String method) {
        String ann = user("ann");
        assertError(send(HttpMethod.valueOf(method), "/todos/nope", ann, "{\"title\":\"x\"}"),
                404, "NotFound", "todo", "nope");
        assertThat(list(ann)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "PATCH", "PUT" })
    void updatingAnotherUsersTodoIs404AndLeavesItAlone(String method) {
        String ann = user("ann");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\"}");

        assertError(send(HttpMethod.valueOf(method), "/todos/" + todo.get("id"), user("bob"), "{\"title\":\"x\"}"),
                404, "NotFound", "todo", (String) todo.get("id"));
        assertThat(list(ann)).containsExactly(todo);
    }

    @Test
    void updatesValidateTheirBodies() {
        String ann = user("ann");
        String path = "/todos/" + create(ann, "{\"title\":\"milk\"}").get("id");

        assertError(send(HttpMethod.PATCH, path, ann, "{\"done\":\"yes\"}"), 400, "InvalidInput", "todo",
                "done_not_boolean");
        assertError(send(HttpMethod.PATCH, path, ann, "{\"title\":\" \"}"), 400, "InvalidInput", "todo", "title_blank");
        assertError(send(HttpMethod.PATCH, path, ann, "{\"title\":\"" + "x".repeat(201) + "\"}"), 400,
                "InvalidInput", "todo", "title_too_long");
        assertError(send(HttpMethod.PATCH, path, ann, "{"), 400, "InvalidInput", "todo", "malformed");
        assertError(send(HttpMethod.PUT, path, ann, "{\"done\":true}"), 400, "InvalidInput", "todo", "title_missing");
        assertThat(send(HttpMethod.GET, path, ann, null).object()).containsEntry("title", "milk")
                .containsEntry("done", false);
    }

    // ---- delete ----

    @Test
    void deleteAnswers204ThenThe404() {
        String ann = user("ann");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\"}");
        String path = "/todos/" + todo.get("id");

        Answer deleted = send(HttpMethod.DELETE, path, ann, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        assertError(send(HttpMethod.DELETE, path, ann, null), 404, "NotFound", "todo", (String) todo.get("id"));
        assertError(send(HttpMethod.GET, path, ann, null), 404, "NotFound", "todo", (String) todo.get("id"));
        assertThat(list(ann)).isEmpty();
    }

    @Test
    void deletingAnotherUsersTodoIs404AndLeavesItAlone() {
        String ann = user("ann");
        Map<String, Object> todo = create(ann, "{\"title\":\"milk\"}");

        assertError(send(HttpMethod.DELETE, "/todos/" + todo.get("id"), user("bob"), null), 404, "NotFound", "todo",
                (String) todo.get("id"));
        assertThat(list(ann)).containsExactly(todo);
    }

    // ---- helpers ----

    /** A user id of this test's own, distinctive enough to be looked for in error bodies. */
    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> create(String user, String body) {
        Answer answer = send(HttpMethod.POST, "/todos", user, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.object();
    }

    private List<Object> list(String user) {
        Answer answer = send(HttpMethod.GET, "/todos", user, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> todos = (List<Object>) answer.json();
        return todos;
    }

    /** Sends a request; every answer, whatever its status, carries X-Request-Id. */
    private Answer send(HttpMethod method, String path, @Nullable String user, @Nullable String body,
            String... headers) {
        Answer answer = exchange(method, path, user, body, headers);
        assertThat(answer.headers().getFirst("X-Request-Id")).as("X-Request-Id of %s %s", method, path)
                .isNotBlank();
        return answer;
    }

    private Answer exchange(HttpMethod method, String path, @Nullable String user, @Nullable String body,
            String... headers) {
        WebTestClient.RequestBodySpec request = client.method(method)
                .uri(URI.create("http://127.0.0.1:" + port + path))
                .headers(h -> {
                    if (user != null) {
                        h.set("X-User-ID", user);
                    }
                    for (int i = 0; i < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseHeaders(),
                result.getResponseBody() == null ? "" : result.getResponseBody(), user);
    }

    /** The JSON error shape, and never the caller's user id in it. */
    private static void assertError(Answer answer, int status, String kind, String what, String key) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.object()).containsOnlyKeys("error");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) answer.object().get("error");
        assertThat(error)
                .containsEntry("kind", kind)
                .containsEntry("what", what)
                .containsEntry("key", key)
                .containsEntry("requestId", answer.headers().getFirst("X-Request-Id"));
        if (answer.user() != null && !answer.user().isBlank()) {
            assertThat(answer.body()).doesNotContain(answer.user().strip());
        }
    }

    private record Answer(int status, HttpHeaders headers, String body, @Nullable String user) {

        Object json() {
            return Json.parse(body, 64);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            assertThat(json()).as(body).isInstanceOf(Map.class);
            return (Map<String, Object>) json();
        }
    }
}
