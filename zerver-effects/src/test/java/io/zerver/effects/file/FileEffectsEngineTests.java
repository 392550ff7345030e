package io.zerver.effects.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file handlers behind a real engine: the slot gets the tree, errors get their status. */
class FileEffectsEngineTests {

    private static final Slot<Object> DOC = Slot.of("doc", Object.class);
    private static final Slot<Boolean> SAVED = Slot.of("saved", Boolean.class);

    @TempDir
    Path base;

    private FileEffects files;
    private Engine engine;

    @BeforeEach
    void start() {
        files = FileEffects.create(FileEffectsConfig.defaults(base));
        Step read = Step.named("read").writes(DOC)
                .run(ctx -> Decision.need(Effects.fileRead(ctx.query("path").orElse("")).into(DOC)));
        Step answer = Step.named("answer").reads(DOC)
                .run(ctx -> Decision.done(Response.json(200, Json.write(ctx.require(DOC)))));
        Step save = Step.named("save").writes(SAVED)
                .run(ctx -> Decision.need(Effects.fileWrite(ctx.query("path").orElse(""), ctx.json()).into(SAVED)));
        Step saved = Step.named("saved").reads(SAVED)
                .run(ctx -> Decision.done(Response.text(201, String.valueOf(ctx.require(SAVED)))));
        engine = Engine.builder()
                .routes(RouteTable.builder()
                        .get("/x", r -> r.steps(read, answer))
                        .post("/x", r -> r.steps(save, saved))
                        .build())
                .handlers(files.registerOn(EffectHandlers.builder()).build())
                .build();
    }

    @AfterEach
    void stop() {
        files.close();
    }

    @Test
    void readFillsTheSlotWithTheParsedTree() throws IOException {
        Files.writeString(base.resolve("todo.json"), "{\"title\":\"milk\",\"done\":false}");

        Response response = send(Request.of("GET", "/x?path=todo.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"title\":\"milk\",\"done\":false}");
    }

    @Test
    void writeThroughTheEngineStoresTheBody() throws IOException {
        Response response = send(Request.of("POST", "/x?path=saved/todo.json")
                .withHeader("Content-Type", "application/json").withBody("{\"title\":\"eggs\"}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.bodyAsString()).isEqualTo("true");
        assertThat(Json.parse(Files.readString(base.resolve("saved/todo.json")), 8))
                .isEqualTo(Map.of("title", "eggs"));
    }

    @Test
    void pathEscapeAnswers400WithTheErrorBody() {
        Response response = send(Request.of("GET", "/x?path=../../etc/passwd"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValue("application/json");
        Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parse(response.bodyAsString(), 8)).get("error");
        assertThat(error).extracting("kind", "what", "key")
                .containsExactly("InvalidInput", "file", "path_escapes_base");
    }

    @Test
    void missingFileAnswers404() {
        assertThat(send(Request.of("GET", "/x?path=missing.json")).status()).isEqualTo(404);
    }

    private Response send(Request request) {
        return engine.handle(request).block(Duration.ofSeconds(10));
    }
}
