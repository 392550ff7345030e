package io.zerver.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.flow.Join;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example pipeline of docs/architecture.md ({@code GET /todos/:id}), built with the real
 * classes: its graph is the one the document shows.
 */
class ExamplePipelineGraphTests {

    private static final Slot<String> USER = Slot.of("user", String.class);
    private static final Slot<String> TODO = Slot.of("todo", String.class);

    private static final Step AUTH = Step.named("auth").writes(USER).run(ctx -> {
        String user = ctx.header("X-User-ID").map(String::strip).orElse("");
        if (user.isEmpty()) {
            return Decision.fail(ErrorKind.UNAUTHORIZED, "auth", "missing_user");
        }
        ctx.put(USER, user);
        return Decision.next();
    });

    private static final Step RENDER_TODO = Step.named("render_todo").reads(TODO)
            .run(ctx -> Decision.done(Response.json(200, ctx.require(TODO))));

    private static final Step LOAD_TODO = Step.named("load_todo").reads(USER).writes(TODO)
            .continuesWith(RENDER_TODO)
            .run(ctx -> {
                String key = "todo:" + ctx.require(USER) + ":" + ctx.param("id").orElseThrow();
                return Decision.need(
                                Effects.cacheGet(key).into(TODO).optional(),
                                Effects.dbGet(key).into(TODO)
                                        .timeout(Duration.ofMillis(200))
                                        .retry(RetryPolicy.exponential(3, Duration.ofMillis(20))))
                        .sequential()
                        .join(Join.FIRST_SUCCESS)
                        .then(RENDER_TODO);
            });

    private final Route route = RouteTable.builder()
            .before(AUTH)
            .get("/todos/:id", r -> r.steps(LOAD_TODO).timeout(Duration.ofSeconds(2)))
            .build()
            .routes()
            .get(0);

    @Test
    void pipelineIsNamedAfterTheRouteAndListsTheContinuation() {
        Pipeline pipeline = route.pipeline();

        assertThat(pipeline.name()).isEqualTo("GET /todos/:id");
        assertThat(pipeline.steps()).containsExactly(AUTH, LOAD_TODO);
        assertThat(pipeline.graph().stepNames()).containsExactly("auth", "load_todo", "render_todo");
    }

    @Test
    void dotIsTheGraphShownInTheArchitectureDocument() {
        assertThat(route.pipeline().graph().toDot()).isEqualTo("""
                digraph "GET /todos/:id" {
                  graph [rankdir=LR, label="GET /todos/:id", labelloc=t];
                  "step0" [shape=box, label="auth\\n(global)"];
                  "step1" [shape=box, label="load_todo\\n(main)"];
                  "step2" [shape=box, label="render_todo\\n(main)"];
                  "slot0" [shape=ellipse, label="user"];
                  "slot1" [shape=ellipse, label="todo"];
                  "step0" -> "slot0";
                  "slot0" -> "step1";
                  "step1" -> "slot1";
                  "slot1" -> "step2";
                  "step0" -> "step1" [style=bold];
                  "step1" -> "step2" [style=dashed];
                }
                """);
    }

    @Test
    void jsonHasTheDataNextAndResumeEdges() {
        List<Map<String, Object>> edges = list(json().get("edges"));

        assertThat(edges).extracting(e -> e.get("kind"), e -> e.get("from"), e -> e.get("to"), e -> e.get("slot"))
                .containsExactly(
                        tuple("data", "auth", "load_todo", "user"),
                        tuple("data", "load_todo", "render_todo", "todo"),
                        tuple("next", "auth", "load_todo", Json.NULL),
                        tuple("resume", "load_todo", "render_todo", Json.NULL));
    }

    @Test
    void jsonCountsBothEffectsOfLoadTodoAsItsSingleWriteOfTodo() {
        List<Map<String, Object>> slots = list(json().get("slots"));

        assertThat(slots).extracting(s -> s.get("name"), s -> s.get("type"), s -> s.get("writers"),
                s -> s.get("readers"))
                .containsExactly(
                        tuple("user", "String", List.of("auth"), List.of("load_todo")),
                        tuple("todo", "String", List.of("load_todo"), List.of("render_todo")));
    }

    @Test
    void jsonPlacesTheContinuationUnderItsChainStep() {
        List<Map<String, Object>> steps = list(json().get("steps"));

        assertThat(steps).extracting(s -> s.get("name"), s -> s.get("layer"), s -> s.get("position"),
                s -> s.get("continuationOf"))
                .containsExactly(
                        tuple("auth", "global", 0L, Json.NULL),
                        tuple("load_todo", "main", 1L, Json.NULL),
                        tuple("render_todo", "main", 1L, "load_todo"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json() {
        return (Map<String, Object>) Json.parse(route.pipeline().graph().toJson(), 64);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            maps.add((Map<String, Object>) item);
        }
        return maps;
    }
}
