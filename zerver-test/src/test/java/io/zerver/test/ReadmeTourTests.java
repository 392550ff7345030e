package io.zerver.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.PipelineValidationException;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The code of the README's tour, kept compiling and true. */
class ReadmeTourTests {

    static final Slot<String> USER = Slot.of("user", String.class);
    static final Slot<String> TODO = Slot.of("todo", String.class);

    Step auth = Step.named("auth").writes(USER).run(ctx -> {
        String user = ctx.header("X-User-ID").orElse("");
        if (user.isBlank()) {
            return Decision.fail(ErrorKind.UNAUTHORIZED, "auth", "missing_user");
        }
        ctx.put(USER, user);
        return Decision.next();
    });

    Step render = Step.named("render_todo").reads(TODO)
            .run(ctx -> Decision.done(Response.json(200, ctx.require(TODO))));

    Step load = Step.named("load_todo").reads(USER).writes(TODO).continuesWith(render)
            .run(ctx -> Decision.need(
                    Effects.dbGet("todo:" + ctx.require(USER) + ":" + ctx.param("id").orElseThrow())
                            .into(TODO)
                            .timeout(Duration.ofMillis(200)))
                    .then(render));

    @Test
    void tourRunsOnTheEngine() {
        RouteTable routes = RouteTable.builder()
                .before(auth)
                .get("/todos/:id", r -> r.steps(load).timeout(Duration.ofSeconds(2)))
                .build();
        InMemoryKv kv = new InMemoryKv();
        Engine engine = Engine.builder().routes(routes).handlers(kv.handlers()).build();

        Response missing = engine.handle(Request.of("GET", "/todos/1").withHeader("X-User-ID", "ann")).block();
        Response anonymous = engine.handle(Request.of("GET", "/todos/1")).block();

        assertThat(missing.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(missing.header("X-Request-Id")).isPresent();
    }

    @Test
    void tourTestRunsOnVirtualTime() {
        ReqTest t = ReqTest.get("/todos/1").param("id", "1").seed(USER, "ann");
        t.effects().on(DbGet.class).after(Duration.ofMillis(30)).succeed("{\"title\":\"milk\"}");

        assertThat(t.run(load).status()).isEqualTo(200);
    }

    @Test
    void registeringAnInvalidPipelineFailsNamingRouteStepAndSlot() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteTable.builder()
                        .get("/todos/:id", r -> r.steps(load))
                        .build())
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("GET /todos/:id")
                .hasMessageContaining("load_todo")
                .hasMessageContaining("user");
    }
}
