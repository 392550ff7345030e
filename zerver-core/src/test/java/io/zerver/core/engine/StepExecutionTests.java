package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How steps run: declarations enforced, exceptions contained, decisions followed. */
class StepExecutionTests {

    private static final Slot<String> USER = Slot.of("user", String.class);
    private static final Slot<String> SECRET = Slot.of("secret", String.class);
    private static final Slot<String> VALUE = Slot.of("value", String.class);

    private static EngineHarness harness(Step... steps) {
        return new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(steps)).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorOf(Response response) {
        return (Map<String, Object>) ((Map<String, Object>) Json.parse(response.bodyAsString(), 8)).get("error");
    }

    @Test
    void rejectsReadOfUndeclaredSlot() {
        Step writer = Step.named("writer").writes(USER, SECRET).run(ctx -> {
            ctx.put(USER, "ann");
            ctx.put(SECRET, "s");
            return Decision.next();
        });
        Step snoop = Step.named("snoop").reads(USER).run(ctx ->
                Decision.done(Response.text(200, ctx.require(SECRET))));
        EngineHarness h = harness(writer, snoop);

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(500);
        assertThat(errorOf(response)).containsEntry("what", "step").containsEntry("key", "snoop");
        assertThat(response.bodyAsString()).doesNotContain("undeclared");
        assertThat(h.timeline().events(TimelineEvent.StepThrew.class)).singleElement()
                .satisfies(t -> assertThat(t.message()).isEqualTo("step 'snoop' reads undeclared slot 'secret'"));
    }

    @Test
    void rejectsWriteOfUndeclaredSlot() {
        Step sneaky = Step.named("sneaky").run(ctx -> {
            ctx.put(USER, "mallory");
            return Decision.next();
        });
        EngineHarness h = harness(sneaky);

        assertThat(h.get("/r").status()).isEqualTo(500);
        assertThat(h.timeline().events(TimelineEvent.StepThrew.class)).singleElement()
                .satisfies(t -> assertThat(t.message()).isEqualTo("step 'sneaky' writes undeclared slot 'user'"));
    }

    @Test
    void secondWriteOfASlotFails() {
        Step twice = Step.named("twice").writes(USER).run(ctx -> {
            ctx.put(USER, "a");
            ctx.put(USER, "b");
            return Decision.next();
        });
        EngineHarness h = harness(twice);

        assertThat(h.get("/r").status()).isEqualTo(500);
        assertThat(h.timeline().events(TimelineEvent.StepThrew.class)).singleElement()
                .satisfies(t -> assertThat(t.message()).contains("'user' written twice"));
    }

    @Test
    void requiringAnUnwrittenSlotFailsAndOptionalIsEmpty() {
        Step writer = Step.named("writer").writes(USER).run(ctx -> Decision.next());
        Step reader = Step.named("reader").reads(USER).run(ctx -> Decision.done(Response.text(200,
                ctx.optional(USER).orElse("nobody") + " " + ctx.require(USER))));
        EngineHarness h = harness(writer, reader);

        assertThat(h.get("/r").status()).isEqualTo(500);
        assertThat(h.timeline().events(TimelineEvent.StepThrew.class)).singleElement()
                .satisfies(t -> assertThat(t.message()).contains("requires slot 'user', which was never written"));
    }

    @Test
    void stepThatThrowsBecomes500WithoutLeakingTheException() {
        Step boom = Step.of("boom", ctx -> {
            throw new IllegalStateException("password=hunter2");
        });
        EngineHarness h = harness(boom);

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).doesNotContain("hunter2").doesNotContain("IllegalState");
        assertThat(errorOf(response)).containsEntry("kind", "Internal").containsEntry("key", "boom");
        assertThat(h.timeline().events(TimelineEvent.StepThrew.class)).singleElement()
                .satisfies(t -> assertThat(t.exception()).isEqualTo(IllegalStateException.class.getName()));
        assertThat(h.timeline().events(TimelineEvent.StepEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("error"));
    }

    @Test
    void stepMayFailByThrowingAZerverException() {
        Step picky = Step.of("picky", ctx -> {
            throw new ZerverException(ErrorKind.FORBIDDEN, "auth", "not_owner");
        });

        Response response = harness(picky).get("/r");

        assertThat(response.status()).isEqualTo(403);
        assertThat(errorOf(response)).containsEntry("kind", "Forbidden").containsEntry("key", "not_owner");
    }

    @Test
    void failDecisionIsRenderedWithRequestId() {
        Step deny = Step.of("deny", ctx -> Decision.fail(ErrorKind.UNAUTHORIZED, "auth", "missing_user"));
        EngineHarness h = harness(deny);

        Response response = h.send(Request.of("GET", "/r").withHeader("X-Request-Id", "client-42"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("X-Request-Id")).contains("client-42");
        assertThat(errorOf(response)).containsEntry("kind", "Unauthorized").containsEntry("what", "auth")
                .containsEntry("key", "missing_user").containsEntry("requestId", "client-42");
    }

    @Test
    void pipelineThatNeverAnswersIs500() {
        Step only = Step.of("only", ctx -> Decision.next());

        Response response = harness(only).get("/r");

        assertThat(response.status()).isEqualTo(500);
        assertThat(errorOf(response)).containsEntry("what", "pipeline").containsEntry("key", "no_response");
    }

    @Test
    void doneStopsThePipeline() {
        Step first = Step.of("first", ctx -> Decision.done(Response.text(200, "first")));
        Step second = Step.of("second", ctx -> {
            throw new AssertionError("must not run");
        });

        assertThat(harness(first, second).get("/r").bodyAsString()).isEqualTo("first");
    }

    @Test
    void undeclaredContinuationIsRefused() {
        Step stray = Step.named("stray").reads(VALUE).run(ctx -> Decision.done(Response.noContent()));
        Step fetch = Step.named("fetch").writes(VALUE).run(ctx ->
                Decision.need(Effects.dbGet("k").into(VALUE)).then(stray));
        EngineHarness h = harness(fetch);

        assertThat(h.get("/r").status()).isEqualTo(500);
        assertThat(h.effects.started("k")).isFalse();
    }

    @Test
    void effectIntoUndeclaredSlotIsRefused() {
        Step fetch = Step.named("fetch").run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE)));
        EngineHarness h = harness(fetch);

        assertThat(h.get("/r").status()).isEqualTo(500);
        assertThat(h.effects.started("k")).isFalse();
    }

    @Test
    void continuationReadsWhatTheEffectsWrote() {
        Step render = Step.named("render").reads(VALUE).run(ctx ->
                Decision.done(Response.text(200, "got " + ctx.require(VALUE))));
        Step fetch = Step.named("fetch").writes(VALUE).continuesWith(render).run(ctx ->
                Decision.need(Effects.dbGet("k").into(VALUE)).then(render));
        EngineHarness h = harness(fetch);
        h.effects.on("k", ScriptedEffects.ok("v", 5));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("got v");
        assertThat(h.timeline().events(TimelineEvent.Resumed.class)).singleElement()
                .satisfies(r -> assertThat(r.step()).isEqualTo("render"));
    }

    @Test
    void contextExposesRequestDetails() {
        Step echo = Step.of("echo", ctx -> Decision.done(Response.text(200, ctx.method() + " " + ctx.path()
                + " q=" + ctx.query("q").orElse("-") + " all=" + ctx.queryAll("t") + " h="
                + ctx.header("x-thing").orElse("-") + " route=" + ctx.route())));
        EngineHarness h = harness(echo);

        Response response = h.send(Request.of("GET", "/r?q=a%20b&t=1&t=2").withHeader("X-Thing", "yes"));

        assertThat(response.bodyAsString()).isEqualTo("GET /r q=a b all=[1, 2] h=yes route=/r");
    }

    @Test
    void debugLinesLandInTheTimeline() {
        Step chatty = Step.of("chatty", ctx -> {
            ctx.debug("looked at the cache");
            return Decision.done(Response.noContent());
        });
        EngineHarness h = harness(chatty);

        h.get("/r");

        assertThat(h.timeline().events(TimelineEvent.Debug.class)).singleElement()
                .satisfies(d -> {
                    assertThat(d.step()).isEqualTo("chatty");
                    assertThat(d.message()).isEqualTo("looked at the cache");
                });
    }
}
