package io.zerver.autoconfigure.observation;

import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineObserver;
import io.zerver.test.InMemoryKv;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A small todo application over an in-memory store: {@code GET /todos/:id} loads a todo
 * (a need) and renders it; {@code PUT /todos/:id} stores one; {@code POST /todos/:id/fail}
 * stores one with a compensation, then fails; {@code GET /boom} throws.
 */
final class TodoRoutes {

    static final Slot<String> TODO = Slot.of("todo", String.class);

    private static final Step RENDER = Step.named("render").reads(TODO).run(ctx ->
            Decision.done(Response.text(200, ctx.require(TODO))));
    private static final Step LOAD = Step.named("load").writes(TODO).continuesWith(RENDER).run(ctx ->
            Decision.need(Effects.dbGet(key(ctx.param("id").orElseThrow())).into(TODO)).then(RENDER));
    private static final Step STORE = Step.named("store").run(ctx ->
            Decision.need(Effects.dbPut(key(ctx.param("id").orElseThrow()), ctx.bodyText())));
    private static final Step STORED = Step.of("stored", ctx -> Decision.done(Response.noContent()));
    private static final Step STORE_THEN_UNDO = Step.named("reserve").run(ctx -> {
        var put = Effects.dbPut(key(ctx.param("id").orElseThrow()), "reserved");
        return Decision.need(put).compensate(put, Effects.dbDelete(key(ctx.param("id").orElseThrow())));
    });
    private static final Step REFUSE = Step.of("refuse", ctx -> Decision.fail(ErrorKind.CONFLICT, "todo", "taken"));
    private static final Step BOOM = Step.of("boom", ctx -> {
        throw new IllegalStateException("kaboom");
    });

    static final RouteTable ROUTES = RouteTable.builder()
            .get("/todos/:id", r -> r.steps(LOAD))
            .put("/todos/:id", r -> r.steps(STORE, STORED))
            .post("/todos/:id/fail", r -> r.steps(STORE_THEN_UNDO, REFUSE))
            .get("/boom", r -> r.steps(BOOM))
            .build();

    final InMemoryKv kv = new InMemoryKv();
    final Engine engine;

    TodoRoutes(TimelineObserver observer) {
        this(observer, b -> b);
    }

    TodoRoutes(TimelineObserver observer, UnaryOperator<Engine.Builder> customizer) {
        this.engine = customizer.apply(Engine.builder().routes(ROUTES).handlers(kv.handlers()).observer(observer))
                .build();
    }

    Response send(String method, String target, String body) {
        Response response = engine.handle(Request.of(method, target).withBody(body)).block(Duration.ofSeconds(5));
        if (response == null) {
            throw new AssertionError("no response to " + method + " " + target);
        }
        return response;
    }

    Response get(String target) {
        return send("GET", target, "");
    }

    private static String key(String id) {
        return "todo:" + id;
    }
}
