package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.body.BodyCodec;
import io.zerver.core.error.FieldError;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.json.JsonParseException;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.body(Type)} and {@code Response.json(object)} through the engine's BodyCodec and
 * BodyValidator, and what the client sees when its body is wrong.
 */
class TypedBodiesTests {

    record Todo(String title, boolean done) {
    }

    /** The codec an application would give (Jackson, with the starter), for this one record. */
    static final class TodoCodec implements BodyCodec {

        @Override
        public <T> T read(byte[] json, Class<T> type) {
            Object tree;
            try {
                tree = Json.parse(new String(json, StandardCharsets.UTF_8), 32);
            } catch (JsonParseException e) {
                throw new Unreadable("", "not JSON", e);
            }
            Map<?, ?> fields = (Map<?, ?>) tree;
            if (fields.get("done") != null && !(fields.get("done") instanceof Boolean)) {
                throw new Unreadable("done", "expected a boolean", new IllegalArgumentException());
            }
            Object title = fields.get("title");
            return type.cast(new Todo(title == null ? null : title.toString(), Boolean.TRUE.equals(fields.get("done"))));
        }

        @Override
        public byte[] write(Object value) {
            Todo todo = (Todo) value;
            return Json.write(Map.of("title", todo.title(), "done", todo.done())).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final Step ECHO = Step.named("echo").run(ctx -> {
        Todo todo = ctx.body(Todo.class);
        return Decision.done(Response.json(201, new Todo(todo.title().toUpperCase(java.util.Locale.ROOT), todo.done())));
    });

    private static final Step PLAIN = Step.named("plain").run(ctx -> Decision.done(Response.json(Map.of("n", 1))));

    private static Engine engine(boolean withCodec) {
        Engine.Builder builder = Engine.builder().routes(RouteTable.builder()
                .post("/todos", r -> r.steps(ECHO))
                .get("/plain", r -> r.steps(PLAIN))
                .build());
        if (withCodec) {
            builder.bodyCodec(new TodoCodec()).bodyValidator(body -> {
                List<FieldError> errors = new ArrayList<>();
                if (((Todo) body).title() == null || ((Todo) body).title().isBlank()) {
                    errors.add(new FieldError("title", "must not be blank"));
                }
                return errors;
            });
        }
        return builder.build();
    }

    private static Response post(Engine engine, String body) {
        return engine.handle(Request.of("POST", "/todos").withBody(body)).block(Duration.ofSeconds(5));
    }

    @Test
    void aBodyIsReadIntoItsTypeAndAnEntityIsWrittenAsJson() {
        Response response = post(engine(true), "{\"title\":\"milk\",\"done\":true}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(Json.parse(response.bodyAsString(), 32)).isEqualTo(Map.of("title", "MILK", "done", true));
        assertThat(response.entity()).isNull();
    }

    @Test
    void fieldsBreakingTheirConstraintsAre400ListingEachField() {
        Response response = post(engine(true), "{\"title\":\" \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(Json.parse(response.bodyAsString(), 32)).extracting("error").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "InvalidInput").containsEntry("what", "body").containsEntry("key", "invalid")
                .containsEntry("fields", List.of(Map.of("field", "title", "message", "must not be blank")));
    }

    @Test
    void anUnreadableFieldOrBodyIs400() {
        Response field = post(engine(true), "{\"title\":\"milk\",\"done\":\"yes\"}");
        Response malformed = post(engine(true), "{\"title\":");
        Response empty = post(engine(true), "");

        assertThat(field.status()).isEqualTo(400);
        assertThat(field.bodyAsString()).contains("\"key\":\"unreadable\"")
                .contains("{\"field\":\"done\",\"message\":\"expected a boolean\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.bodyAsString()).contains("\"what\":\"json\"").contains("\"key\":\"malformed\"");
        assertThat(empty.bodyAsString()).contains("\"key\":\"empty_body\"");
    }

    @Test
    void withoutACodecPlainTreesStillWriteAndATypedBodyIsAServerMistake() {
        Engine plain = engine(false);

        Response tree = plain.handle(Request.of("GET", "/plain")).block(Duration.ofSeconds(5));
        assertThat(tree.bodyAsString()).isEqualTo("{\"n\":1}");
        assertThat(post(plain, "{\"title\":\"milk\"}").status()).isEqualTo(500);
    }
}
