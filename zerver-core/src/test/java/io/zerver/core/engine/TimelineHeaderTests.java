package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.zerver.core.effect.Effects;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The debug header: the request's timeline on the routes debug is on for, and nowhere else. */
class TimelineHeaderTests {

    private static final Slot<String> TODO = Slot.of("todo", String.class);

    private final Step render = Step.named("render").reads(TODO)
            .run(ctx -> Decision.done(Response.text(200, ctx.require(TODO))));
    private final Step load = Step.named("load").writes(TODO).continuesWith(render)
            .run(ctx -> Decision.need(Effects.dbGet("todo:" + ctx.param("id").orElseThrow()).into(TODO))
                    .then(render));
    private final Step chatty = Step.of("chatty", ctx -> {
        for (int i = 0; i < 200; i++) {
            ctx.debug("line " + i + " caf\u00e9");
        }
        return Decision.done(Response.noContent());
    });
    private final RouteTable routes = RouteTable.builder()
            .get("/todos/:id", r -> r.steps(load))
            .get("/health", r -> r.steps(Step.of("ok", ctx -> Decision.done(Response.noContent()))))
            .get("/chatty", r -> r.steps(chatty))
            .build();

    private EngineHarness harness(int maxLength) {
        EngineHarness h = new EngineHarness(routes, b -> b.timelineHeader(
                route -> !route.pattern().equals("/health"), maxLength));
        h.effects.on("todo:7", ScriptedEffects.ok("milk", 3));
        return h;
    }

    @Test
    void debugRouteCarriesItsCompleteTimeline() {
        Response response = harness(8192).get("/todos/7");

        assertThat(response.status()).isEqualTo(200);
        Map<?, ?> json = (Map<?, ?>) Json.parse(response.header(Engine.TIMELINE_HEADER).orElseThrow(), 16);
        assertThat(json.get("route")).isEqualTo("/todos/:id");
        assertThat(json.get("status")).isEqualTo(200L);
        assertThat(json.get("requestId")).isEqualTo(response.header(Engine.REQUEST_ID_HEADER).orElseThrow());
        List<String> types = ((List<?>) json.get("events")).stream().map(e -> (String) ((Map<?, ?>) e).get("type"))
                .toList();
        assertThat(types).contains("StepStarted", "NeedScheduled",
                "EffectStarted", "EffectEnded", "Finished");
        assertThat(json.containsKey("truncated")).isFalse();
    }

    @Test
    void otherRoutesAndUnroutedRequestsCarryNoTimeline() {
        EngineHarness h = harness(8192);

        assertThat(h.get("/health").header(Engine.TIMELINE_HEADER)).isEmpty();
        assertThat(h.get("/nowhere").header(Engine.TIMELINE_HEADER)).isEmpty();
    }

    @Test
    void withoutTheOptionNoRouteCarriesATimeline() {
        EngineHarness h = new EngineHarness(routes);
        h.effects.on("todo:7", ScriptedEffects.ok("milk", 3));

        assertThat(h.get("/todos/7").header(Engine.TIMELINE_HEADER)).isEmpty();
    }

    @Test
    void longTimelineIsCutToTheBoundAndSaysHowManyEventsItLeftOut() {
        Response response = harness(1024).get("/chatty");

        String header = response.header(Engine.TIMELINE_HEADER).orElseThrow();
        assertThat(header.length()).isLessThanOrEqualTo(1024);
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        Map<?, ?> json = (Map<?, ?>) Json.parse(header, 16);
        long kept = ((List<?>) json.get("events")).size();
        assertThat(kept).isPositive();
        // StepStarted, 200 Debug lines, StepEnded, Finished.
        assertThat(kept + (Long) json.get("truncated")).isEqualTo(203);
        assertThat(header).contains("caf\\u00e9");
    }

    @Test
    void headHonoursTheHeaderToo() {
        Response response = harness(8192).send(Request.of("HEAD", "/todos/7"));

        assertThat(response.body()).isEmpty();
        assertThat(response.header(Engine.TIMELINE_HEADER)).isPresent();
    }

    @Test
    void refusesABoundTooShortForAnything() {
        assertThatIllegalArgumentException().isThrownBy(() -> Engine.builder().timelineHeader(route -> true, 17))
                .withMessage("maxLength: 17 (expected: >= 18)");
    }
}
