package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine answers at the HTTP level: routing outcomes, request ids, limits. */
class EngineHttpTests {

    private static final Slot<String> TODO = Slot.of("todo", String.class);

    private final Step show = Step.of("show", ctx -> Decision.done(Response.json(200,
            Json.write(Map.of("id", ctx.param("id").orElseThrow())))));
    private final Step list = Step.of("list", ctx -> Decision.done(Response.json(200, "[]")));
    private final Step echoJson = Step.of("echo", ctx -> Decision.done(Response.json(200, Json.write(ctx.json()))));

    private final EngineHarness h = new EngineHarness(RouteTable.builder()
            .get("/todos", r -> r.steps(list))
            .get("/todos/:id", r -> r.steps(show))
            .post("/echo", r -> r.steps(echoJson))
            .build(), b -> b.limits(RequestLimits.defaults().withMaxBodyBytes(64).withMaxJsonDepth(4)));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorOf(Response response) {
        return (Map<String, Object>) ((Map<String, Object>) Json.parse(response.bodyAsString(), 8)).get("error");
    }

    @Test
    void routesToTheMatchingPipelineWithParams() {
        Response response = h.get("/todos/42");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"42\"}");
    }

    @Test
    void runsTheMatchTheCallerMadeOnATableOfItsOwn() {
        RouteTable other = RouteTable.builder()
                .get("/other", r -> r.steps(Step.of("other", ctx -> Decision.done(Response.text(200, "other")))))
                .build();

        Response served = h.engine().handle(Request.of("GET", "/other"), other.match("GET", "/other")).block();
        Response notOwn = h.engine().handle(Request.of("GET", "/todos"), other.match("GET", "/todos")).block();

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bodyAsString()).isEqualTo("other");
        assertThat(served.header(Engine.REQUEST_ID_HEADER)).isPresent();
        assertThat(notOwn.status()).isEqualTo(404);
    }

    @Test
    void runsTheMatchItIsGivenWithItsParamsWithoutMatchingAgain() {
        RouteMatch match = h.engine().routes().match("GET", "/todos/42");
        Request request = Request.of("GET", "/todos/42");

        Response response = h.engine().handle(request, match).block();
        Response headFromGet = h.engine().handle(Request.of("HEAD", "/todos/42"),
                h.engine().routes().match("HEAD", "/todos/42")).block();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"42\"}");
        assertThat(headFromGet.status()).isEqualTo(200);
        assertThat(headFromGet.body()).isEmpty();
    }

    @Test
    void answersTheMatchesWithoutARouteItIsGivenAsItsOwn() {
        Response notFound = h.engine().handle(Request.of("GET", "/nothing"), new RouteMatch.NotFound()).block();
        Response notAllowed = h.engine().handle(Request.of("DELETE", "/todos"),
                h.engine().routes().match("DELETE", "/todos")).block();
        Response options = h.engine().handle(Request.of("OPTIONS", "/todos"),
                h.engine().routes().match("OPTIONS", "/todos")).block();

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header(Engine.REQUEST_ID_HEADER)).isPresent();
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(options.status()).isEqualTo(204);
    }

    @Test
    void aBodyOverTheLimitIs413EvenWithAMatch() {
        Request big = Request.of("POST", "/echo").withBody("x".repeat(65));

        Response response = h.engine().handle(big, h.engine().routes().match("POST", "/echo")).block();

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void unknownPathIs404WithErrorBody() {
        Response response = h.get("/nothing/here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(errorOf(response)).containsEntry("kind", "NotFound").containsEntry("what", "route");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response response = h.send(Request.of("DELETE", "/todos"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).hasValueSatisfying(allow ->
                assertThat(allow.split(", ")).contains("GET", "HEAD", "OPTIONS").doesNotContain("DELETE"));
    }

    @Test
    void headIsServedFromGetWithoutBody() {
        Response response = h.send(Request.of("HEAD", "/todos/7"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Content-Type")).contains("application/json");
    }

    @Test
    void optionsAnswersAllow() {
        Response response = h.send(Request.of("OPTIONS", "/todos"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Allow")).hasValueSatisfying(allow ->
                assertThat(allow.split(", ")).contains("GET", "HEAD", "OPTIONS"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(h.get("/todos").header("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[A-Za-z0-9_-]{22}"));
        assertThat(h.get("/nope").header("X-Request-Id")).isPresent();
    }

    @Test
    void wellFormedClientRequestIdIsKept() {
        Response response = h.send(Request.of("GET", "/todos").withHeader("X-Request-Id", "abc-123.x:y"));

        assertThat(response.header("X-Request-Id")).contains("abc-123.x:y");
    }

    @Test
    void malformedClientRequestIdIsReplaced() {
        for (String bad : List.of("", "has space", "semi;colon", "x".repeat(129), "new\nline")) {
            Response response = h.send(Request.of("GET", "/todos").withHeader("X-Request-Id", bad));
            assertThat(response.header("X-Request-Id")).hasValueSatisfying(id ->
                    assertThat(id).isNotEqualTo(bad).matches("[A-Za-z0-9_-]{22}"));
        }
    }

    @Test
    void parsesJsonBody() {
        Response response = h.send(Request.of("POST", "/echo").withBody("{\"a\":[1,true,null]}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{\"a\":[1,true,null]}");
    }

    @Test
    void malformedJsonIs400() {
        Response response = h.send(Request.of("POST", "/echo").withBody("{\"a\":"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorOf(response)).containsEntry("what", "json").containsEntry("key", "malformed");
    }

    @Test
    void tooDeepJsonIs400() {
        Response response = h.send(Request.of("POST", "/echo").withBody("[[[[[1]]]]]"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorOf(response)).containsEntry("key", "too_deep");
    }

    @Test
    void invalidUtf8Is400() {
        Response response = h.send(Request.of("POST", "/echo").withBody(new byte[] {'"', (byte) 0xC3, '"'}));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorOf(response)).containsEntry("key", "invalid_utf8");
    }

    @Test
    void oversizedBodyIs413() {
        Response response = h.send(Request.of("POST", "/echo").withBody("[" + "1,".repeat(40) + "1]"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(errorOf(response)).containsEntry("kind", "PayloadTooLarge");
    }

    @Test
    void bodyItsHostFoundTooLargeIsAnswered413WithARequestIdAndATimeline() {
        Response response = h.engine().rejectBodyTooLarge(Request.of("POST", "/echo")).block();

        assertThat(response.status()).isEqualTo(413);
        assertThat(errorOf(response)).containsEntry("kind", "PayloadTooLarge").containsEntry("key", "too_large");
        assertThat(response.header(Engine.REQUEST_ID_HEADER)).hasValueSatisfying(id -> {
            assertThat(id).matches("[A-Za-z0-9_-]{22}").isEqualTo(h.timeline().requestId());
        });
        assertThat(h.timeline().status()).isEqualTo(413);
        assertThat(h.timeline().events(TimelineEvent.Failed.class)).hasSize(1);
    }

    @Test
    void bodyItsHostFoundTooLargeKeepsTheClientsRequestId() {
        Response response = h.engine().rejectBodyTooLarge(Request.of("POST", "/echo")
                .withHeader(Engine.REQUEST_ID_HEADER, "client-7")).block();

        assertThat(response.header(Engine.REQUEST_ID_HEADER)).contains("client-7");
    }

    @Test
    void tooManyEffectsInOneNeedIs503() {
        Step greedy = Step.named("greedy").writes(TODO).run(ctx -> {
            List<Effect> effects = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                effects.add(Effects.dbGet("k" + i));
            }
            return Decision.need(effects);
        });
        EngineHarness small = new EngineHarness(RouteTable.builder().get("/g", r -> r.steps(greedy)).build(),
                b -> b.limits(RequestLimits.defaults().withMaxEffectsPerNeed(4)));

        Response response = small.get("/g");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(errorOf(response)).containsEntry("key", "effects_per_need");
        assertThat(small.effects.started("k0")).isFalse();
    }

    @Test
    void tooManyEffectsInFlightIs503() {
        Step greedy = Step.named("greedy").run(ctx -> Decision.need(Effects.dbGet("a"), Effects.dbGet("b"),
                Effects.dbGet("c")));
        EngineHarness small = new EngineHarness(RouteTable.builder().get("/g", r -> r.steps(greedy)).build(),
                b -> b.limits(RequestLimits.defaults().withMaxInFlightPerRequest(2)));

        assertThat(errorOf(small.get("/g"))).containsEntry("key", "in_flight");
    }

    @Test
    void tooManySlotsIs503() {
        List<Slot<String>> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slots.add(Slot.of("s" + i, String.class));
        }
        Step hoarder = Step.named("hoarder").writes(slots.toArray(new Slot<?>[0])).run(ctx -> {
            for (Slot<String> s : slots) {
                ctx.put(s, "x");
            }
            return Decision.done(Response.noContent());
        });
        EngineHarness small = new EngineHarness(RouteTable.builder().get("/g", r -> r.steps(hoarder)).build(),
                b -> b.limits(RequestLimits.defaults().withMaxSlots(4)));

        Response response = small.get("/g");

        assertThat(response.status()).isEqualTo(503);
        assertThat(errorOf(response)).containsEntry("key", "slots_per_request");
    }
}
