package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines whose steps declare DB effects, performed by the JDBC handlers. */
class JdbcKvEngineTests {

    private static final Slot<String> ITEM = Slot.of("item", String.class);
    private static final Slot<Boolean> SAVED = Slot.of("saved", Boolean.class);
    private static final Slot<Boolean> DELETED = Slot.of("deleted", Boolean.class);

    private static final Step RENDER = Step.named("render").reads(ITEM)
            .run(ctx -> Decision.done(Response.json(200, Json.write(Map.of("value", ctx.require(ITEM))))));
    private static final Step LOAD = Step.named("load").writes(ITEM).continuesWith(RENDER)
            .run(ctx -> Decision.need(Effects.dbGet("item:" + ctx.param("id").orElseThrow()).into(ITEM)).then(RENDER));

    private static final Step SAVED_ANSWER = Step.named("saved").reads(SAVED)
            .run(ctx -> Decision.done(Response.json(200, "{\"saved\":" + ctx.require(SAVED) + "}")));
    private static final Step SAVE = Step.named("save").writes(SAVED).continuesWith(SAVED_ANSWER).run(ctx -> {
        Effect put = Effects.dbPut("item:" + ctx.param("id").orElseThrow(), ctx.bodyText()).into(SAVED);
        String key = ctx.header("Idempotency-Key").orElse(null);
        return Decision.need(key == null ? put : put.idempotencyKey(key)).then(SAVED_ANSWER);
    });

    private static final Step DELETED_ANSWER = Step.named("deleted").reads(DELETED)
            .run(ctx -> ctx.require(DELETED) ? Decision.done(Response.noContent())
                    : Decision.fail(ErrorKind.NOT_FOUND, "item", ctx.param("id").orElseThrow()));
    private static final Step DELETE = Step.named("delete").writes(DELETED).continuesWith(DELETED_ANSWER)
            .run(ctx -> Decision.need(Effects.dbDelete("item:" + ctx.param("id").orElseThrow()).into(DELETED))
                    .then(DELETED_ANSWER));

    @TempDir
    Path dir;

    private KvHarness h;
    private Engine engine;

    @BeforeEach
    void open() {
        h = KvHarness.open(dir);
        engine = Engine.builder()
                .routes(RouteTable.builder()
                        .get("/items/:id", r -> r.steps(LOAD))
                        .put("/items/:id", r -> r.steps(SAVE))
                        .delete("/items/:id", r -> r.steps(DELETE))
                        .build())
                .handlers(h.handlers)
                .build();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private Response send(Request request) {
        Response response = engine.handle(request).block(KvHarness.WAIT);
        assertThat(response).isNotNull();
        return response;
    }

    @Test
    void missingKeyAnswers404WithTheDbError() {
        Response response = send(Request.of("GET", "/items/404"));

        assertThat(response.status()).isEqualTo(404);
        // The client learns which slot was missing, never the storage key.
        assertThat(response.bodyAsString()).contains("\"kind\":\"NotFound\"").contains("\"what\":\"db\"")
                .contains("\"key\":\"item\"").doesNotContain("item:404");
    }

    @Test
    void storedValueIsServedEndToEnd() {
        assertThat(send(Request.of("PUT", "/items/1").withBody("hello")).bodyAsString()).isEqualTo("{\"saved\":true}");

        Response response = send(Request.of("GET", "/items/1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"value\":\"hello\"}");
        assertThat(send(Request.of("DELETE", "/items/1")).status()).isEqualTo(204);
        assertThat(send(Request.of("DELETE", "/items/1")).status()).isEqualTo(404);
        assertThat(send(Request.of("GET", "/items/1")).status()).isEqualTo(404);
    }

    @Test
    void repeatedRequestWithAnIdempotencyKeyIsAppliedOnce() {
        send(Request.of("PUT", "/items/2").withBody("first").withHeader("Idempotency-Key", "abc"));
        Response repeat = send(Request.of("PUT", "/items/2").withBody("second").withHeader("Idempotency-Key", "abc"));
        Response reused = send(Request.of("PUT", "/items/3").withBody("x").withHeader("Idempotency-Key", "abc"));

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(send(Request.of("GET", "/items/2")).bodyAsString()).isEqualTo("{\"value\":\"first\"}");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.bodyAsString()).contains("\"what\":\"idempotency\"");
    }
}
