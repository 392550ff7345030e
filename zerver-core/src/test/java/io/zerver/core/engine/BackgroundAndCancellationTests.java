package io.zerver.core.engine;

import static io.zerver.core.engine.ScriptedEffects.fail;
import static io.zerver.core.engine.ScriptedEffects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.flow.Join;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Effects that outlive the join, effects that lose a race, and clients that go away. */
class BackgroundAndCancellationTests {

    private static final Slot<String> FAST = Slot.of("fast", String.class);
    private static final Slot<String> SLOW = Slot.of("slow", String.class);
    private static final Slot<String> THIRD = Slot.of("third", String.class);

    private final Step report = Step.named("report").reads(FAST, SLOW, THIRD).run(ctx -> Decision.done(Response
            .text(200, ctx.optional(FAST).orElse("-") + "," + ctx.optional(SLOW).orElse("-") + ","
                    + ctx.optional(THIRD).orElse("-"))));

    private EngineHarness harness(Join join) {
        Step fetch = Step.named("fetch").writes(FAST, SLOW, THIRD).run(ctx -> Decision.need(
                Effects.dbGet("fast").into(FAST),
                Effects.dbGet("slow").into(SLOW).optional().timeout(Duration.ofSeconds(5)),
                Effects.dbGet("third").into(THIRD).timeout(Duration.ofSeconds(5))).join(join));
        return new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(fetch, report)).build());
    }

    @Test
    void allRequiredAnswersBeforeSlowOptionalAndNeverWritesItsSlot() {
        EngineHarness h = harness(Join.ALL_REQUIRED);
        h.effects.on("fast", ok("F", 10)).on("slow", ok("S", 500)).on("third", ok("T", 20));

        Response response = h.get("/r");

        assertThat(response.bodyAsString()).isEqualTo("F,-,T");
        assertThat(h.answeredAfterMillis).isLessThan(50);
        h.advance(Duration.ofSeconds(1));
        assertThat(h.effects.wasCancelled("slow")).isFalse();
        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class))
                .filteredOn(e -> e.kind().equals("db.get") && "slow".equals(e.slot()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.background()).isTrue();
                    assertThat(e.outcome()).isEqualTo("ok");
                });
    }

    @Test
    void allRequiredFailureCancelsBackgroundOptional() {
        EngineHarness h = harness(Join.ALL_REQUIRED);
        h.effects.on("fast", ok("F", 10)).on("slow", ok("S", 500))
                .on("third", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 20));

        assertThat(h.get("/r").status()).isEqualTo(502);
        assertThat(h.effects.wasCancelled("slow")).isTrue();
    }

    @Test
    void allWaitsForSlowOptional() {
        EngineHarness h = harness(Join.ALL);
        h.effects.on("fast", ok("F", 10)).on("slow", ok("S", 300)).on("third", ok("T", 20));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("F,S,T");
        assertThat(h.answeredAfterMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void anyCancelsAllLosers() {
        EngineHarness h = harness(Join.ANY);
        h.effects.on("fast", ok("F", 10)).on("slow", ok("S", 300)).on("third", ok("T", 200));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("F,-,-");
        assertThat(h.effects.wasCancelled("slow")).isTrue();
        assertThat(h.effects.wasCancelled("third")).isTrue();
    }

    @Test
    void firstSuccessFailsWhenNothingSucceededAndARequiredFailed() {
        EngineHarness h = harness(Join.FIRST_SUCCESS);
        h.effects.on("fast", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 10))
                .on("slow", fail(ErrorKind.TIMEOUT, 20))
                .on("third", fail(ErrorKind.NOT_FOUND, 30));

        assertThat(h.get("/r").status()).isEqualTo(502);
    }

    @Test
    void effectsOfAParallelNeedRunConcurrently() {
        EngineHarness h = harness(Join.ALL);
        h.effects.on("fast", ok("F", 100)).on("slow", ok("S", 100)).on("third", ok("T", 100));

        h.get("/r");

        assertThat(h.answeredAfterMillis).isBetween(100L, 105L);
    }

    @Test
    void sequentialEffectsRunOneAfterAnother() {
        Step fetch = Step.named("fetch").writes(FAST, SLOW, THIRD).run(ctx -> Decision.need(
                Effects.dbGet("fast").into(FAST), Effects.dbGet("slow").into(SLOW),
                Effects.dbGet("third").into(THIRD)).sequential());
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(fetch, report)).build());
        h.effects.on("fast", ok("F", 100)).on("slow", ok("S", 100)).on("third", ok("T", 100));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("F,S,T");
        assertThat(h.answeredAfterMillis).isBetween(300L, 305L);
    }

    @Test
    void clientDisconnectCancelsInFlightEffectsAndRunsExitCallbacks() {
        AtomicInteger exits = new AtomicInteger();
        Step fetch = Step.named("fetch").writes(FAST, SLOW, THIRD).run(ctx -> {
            ctx.onExit(exits::incrementAndGet);
            return Decision.need(Effects.dbGet("fast").into(FAST));
        });
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(fetch, report)).build());
        h.effects.on("fast", ok("F", 500));

        Disposable client = h.engine().handle(Request.of("GET", "/r")).subscribe();
        h.advance(Duration.ofMillis(100));
        client.dispose();
        h.advance(Duration.ofSeconds(1));

        assertThat(h.effects.wasCancelled("fast")).isTrue();
        assertThat(exits).hasValue(1);
        assertThat(h.timeline().events(TimelineEvent.Finished.class))
                .extracting(TimelineEvent.Finished::status)
                .containsExactly(499);
    }
}
