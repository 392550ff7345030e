package io.zerver.core.engine;

import static io.zerver.core.engine.ScriptedEffects.fail;
import static io.zerver.core.engine.ScriptedEffects.hang;
import static io.zerver.core.engine.ScriptedEffects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Per-effect timeouts, retries, and the request deadline that bounds them all. */
class DeadlineAndRetryTests {

    private static final Slot<String> VALUE = Slot.of("value", String.class);
    private static final Slot<Boolean> WRITTEN = Slot.of("written", Boolean.class);

    private final Step answer = Step.named("answer").reads(VALUE)
            .run(ctx -> Decision.done(Response.text(200, ctx.require(VALUE))));

    private EngineHarness harness(Duration routeTimeout, Supplier<Effect> effect) {
        Step fetch = Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(effect.get()));
        return new EngineHarness(RouteTable.builder()
                .get("/r", r -> r.steps(fetch, answer).timeout(routeTimeout))
                .build());
    }

    @Test
    void retriesTransientFailureUntilSuccess() {
        EngineHarness h = harness(Duration.ofSeconds(1), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofMillis(100)).retry(RetryPolicy.fixed(3, Duration.ofMillis(20))));
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 5), fail(ErrorKind.TIMEOUT, 5), ok("v", 5));

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("v");
        assertThat(h.effects.attempts("k")).isEqualTo(3);
        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class))
                .extracting(TimelineEvent.EffectEnded::attempt, TimelineEvent.EffectEnded::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "UpstreamUnavailable"),
                        org.assertj.core.groups.Tuple.tuple(2, "Timeout"),
                        org.assertj.core.groups.Tuple.tuple(3, "ok"));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        EngineHarness h = harness(Duration.ofSeconds(1), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofMillis(100)).retry(RetryPolicy.fixed(2, Duration.ofMillis(10))));
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 5));

        assertThat(h.get("/r").status()).isEqualTo(502);
        assertThat(h.effects.attempts("k")).isEqualTo(2);
    }

    @Test
    void doesNotRetryErrorsThatAreNotTransient() {
        EngineHarness h = harness(Duration.ofSeconds(1), () -> Effects.dbGet("k").into(VALUE)
                .retry(RetryPolicy.fixed(5, Duration.ofMillis(10))));
        h.effects.on("k", fail(ErrorKind.NOT_FOUND, 5));

        assertThat(h.get("/r").status()).isEqualTo(404);
        assertThat(h.effects.attempts("k")).isEqualTo(1);
    }

    @Test
    void skipsRetryWhoseTimeoutWouldPassTheDeadlineAndRecordsIt() {
        // Deadline 300 ms; the attempt fails at 90 ms; a retry after 150 ms with a 100 ms
        // timeout could end at 340 ms, past the deadline: skipped.
        EngineHarness h = harness(Duration.ofMillis(300), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofMillis(100))
                .retry(RetryPolicy.fixed(3, Duration.ofMillis(150))));
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 90), ok("late", 5));

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(502);
        assertThat(h.effects.attempts("k")).isEqualTo(1);
        assertThat(h.answeredAfterMillis).isLessThan(300);
        assertThat(h.timeline().events(TimelineEvent.RetrySkipped.class))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.reason()).isEqualTo("deadline");
                    assertThat(s.attempt()).isEqualTo(2);
                });
    }

    @Test
    void retriesThatFitBeforeTheDeadlineAreMade() {
        EngineHarness h = harness(Duration.ofMillis(300), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofMillis(100))
                .retry(RetryPolicy.fixed(3, Duration.ofMillis(50))));
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 90), ok("second", 5));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("second");
        assertThat(h.timeline().events(TimelineEvent.RetrySkipped.class)).isEmpty();
    }

    @Test
    void writeWithoutIdempotencyKeyIsNotRetried() {
        Step write = Step.named("write").writes(WRITTEN).run(ctx -> Decision.need(Effects.dbPut("k", "v")
                .into(WRITTEN).retry(RetryPolicy.fixed(3, Duration.ofMillis(10)))));
        Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));
        EngineHarness h = new EngineHarness(RouteTable.builder().post("/w", r -> r.steps(write, done)).build());
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 5), ok("v", 5));

        assertThat(h.send(Request.of("POST", "/w")).status()).isEqualTo(502);
        assertThat(h.effects.attempts("k")).isEqualTo(1);
        assertThat(h.timeline().events(TimelineEvent.RetrySkipped.class))
                .extracting(TimelineEvent.RetrySkipped::reason)
                .containsExactly("write_without_idempotency_key");
    }

    @Test
    void writeWithIdempotencyKeyIsRetried() {
        Step write = Step.named("write").writes(WRITTEN).run(ctx -> Decision.need(Effects.dbPut("k", "v")
                .into(WRITTEN).timeout(Duration.ofMillis(100)).retry(RetryPolicy.fixed(3, Duration.ofMillis(10)))
                .idempotencyKey("op-1")));
        Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));
        EngineHarness h = new EngineHarness(RouteTable.builder().post("/w", r -> r.steps(write, done)).build());
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 5), ok("v", 5));

        assertThat(h.send(Request.of("POST", "/w")).status()).isEqualTo(204);
        assertThat(h.effects.attempts("k")).isEqualTo(2);
    }

    @Test
    void perEffectTimeoutFailsTheAttempt() {
        EngineHarness h = harness(Duration.ofSeconds(1), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofMillis(40)));
        h.effects.on("k", hang());

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyAsString()).contains("\"what\":\"db\"", "\"key\":\"timeout\"");
        assertThat(h.answeredAfterMillis).isBetween(40L, 45L);
        assertThat(h.effects.wasCancelled("k")).isTrue();
    }

    @Test
    void requestDeadlineCancelsInFlightEffectsAndAnswers504() {
        EngineHarness h = harness(Duration.ofMillis(200), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofSeconds(5)));
        h.effects.on("k", ok("too late", 1000));

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyAsString()).contains("\"what\":\"request\"", "\"key\":\"deadline\"");
        assertThat(h.answeredAfterMillis).isBetween(200L, 205L);
        assertThat(h.effects.wasCancelled("k")).isTrue();
        h.advance(Duration.ofSeconds(2));
        // The attempt ends once, cut at the deadline (by its own capped timer or by the
        // request's); the late result never lands.
        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class))
                .extracting(TimelineEvent.EffectEnded::outcome)
                .singleElement().isIn("cancelled", "Timeout");
    }

    @Test
    void effectTimeoutIsCappedByTheRemainingDeadline() {
        EngineHarness h = harness(Duration.ofMillis(100), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofSeconds(5)));
        h.effects.on("k", hang());

        assertThat(h.get("/r").status()).isEqualTo(504);
        assertThat(h.answeredAfterMillis).isBetween(100L, 105L);
    }

    @Test
    void clientMayTightenButNotLoosenTheDeadline() {
        EngineHarness h = harness(Duration.ofMillis(500), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofSeconds(5)));
        h.effects.on("k", ok("v", 300));

        Response tightened = h.send(Request.of("GET", "/r").withHeader("X-Request-Timeout", "100"));
        assertThat(tightened.status()).isEqualTo(504);
        assertThat(h.answeredAfterMillis).isBetween(100L, 105L);

        Response loosened = h.send(Request.of("GET", "/r").withHeader("X-Request-Timeout", "60000"));
        assertThat(loosened.status()).isEqualTo(200);

        Response malformed = h.send(Request.of("GET", "/r").withHeader("X-Request-Timeout", "soon"));
        assertThat(malformed.status()).isEqualTo(200);
    }

    @Test
    void aHostsTimeoutTightensButNeverLoosensTheDeadline() {
        EngineHarness h = harness(Duration.ofMillis(500), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofSeconds(5)));
        h.effects.on("k", ok("v", 300));

        Response tightened = h.send(Request.of("GET", "/r").withTimeout(Duration.ofMillis(100)));
        assertThat(tightened.status()).isEqualTo(504);
        assertThat(h.answeredAfterMillis).isBetween(100L, 105L);

        Response loosened = h.send(Request.of("GET", "/r").withTimeout(Duration.ofSeconds(60)));
        assertThat(loosened.status()).isEqualTo(200);
    }

    @Test
    void underAHostsTimeoutTheClientsHeaderIsTheHostsToApply() {
        EngineHarness h = harness(Duration.ofMillis(500), () -> Effects.dbGet("k").into(VALUE)
                .timeout(Duration.ofSeconds(5)));
        h.effects.on("k", ok("v", 300));

        Response hostDecides = h.send(Request.of("GET", "/r").withHeader("X-Request-Timeout", "100")
                .withTimeout(Duration.ofMillis(400)));
        assertThat(hostDecides.status()).isEqualTo(200);
    }

    @Test
    void expiredRequestRunsNoFurtherSteps() {
        AtomicInteger ran = new AtomicInteger();
        Step slow = Step.named("slow").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE)));
        Step after = Step.of("after", ctx -> {
            ran.incrementAndGet();
            return Decision.done(Response.noContent());
        });
        EngineHarness h = new EngineHarness(RouteTable.builder()
                .get("/r", r -> r.steps(slow, after).timeout(Duration.ofMillis(50))).build());
        h.effects.on("k", ok("v", 80));

        assertThat(h.get("/r").status()).isEqualTo(504);
        h.advance(Duration.ofSeconds(1));
        assertThat(ran).hasValue(0);
    }
}
