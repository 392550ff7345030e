package io.zerver.core.engine;

import static io.zerver.core.engine.ScriptedEffects.fail;
import static io.zerver.core.engine.ScriptedEffects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

/** Sagas: when a request fails, the compensations of its succeeded effects run newest first. */
class CompensationTests {

    private static final Slot<Boolean> ORDER = Slot.of("order", Boolean.class);
    private static final Slot<Boolean> STOCK = Slot.of("stock", Boolean.class);
    private static final Slot<Boolean> PAYMENT = Slot.of("payment", Boolean.class);

    private static Step saga(String name, String key, Slot<Boolean> slot) {
        return Step.named(name).writes(slot).run(ctx -> {
            DbPut put = Effects.dbPut(key, "x").into(slot);
            return Decision.need(put).compensate(put, Effects.dbDelete(key));
        });
    }

    private static final Step ANSWER = Step.of("answer", ctx -> Decision.done(Response.status(201)));

    private EngineHarness harness(Step... steps) {
        return new EngineHarness(RouteTable.builder().post("/checkout", r -> r.steps(steps)).build());
    }

    @Test
    void laterRequiredEffectFailureUndoesEarlierEffectsInReverseOrder() {
        EngineHarness h = harness(saga("order", "order", ORDER), saga("stock", "stock", STOCK),
                saga("pay", "payment", PAYMENT), ANSWER);
        h.effects.on("payment", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 5));

        Response response = h.send(Request.of("POST", "/checkout"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(h.effects.writes()).containsExactly("put:order", "put:stock", "delete:stock", "delete:order");
        assertThat(h.timeline().events(TimelineEvent.CompensationRan.class))
                .extracting(TimelineEvent.CompensationRan::kind, TimelineEvent.CompensationRan::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db.delete", "ok"),
                        org.assertj.core.groups.Tuple.tuple("db.delete", "ok"));
    }

    @Test
    void failingStepUndoesSucceededEffects() {
        Step refuse = Step.of("refuse", ctx -> Decision.fail(ErrorKind.CONFLICT, "order", "duplicate"));
        EngineHarness h = harness(saga("order", "order", ORDER), refuse);

        assertThat(h.send(Request.of("POST", "/checkout")).status()).isEqualTo(409);
        assertThat(h.effects.writes()).containsExactly("put:order", "delete:order");
    }

    @Test
    void throwingStepUndoesSucceededEffects() {
        Step boom = Step.of("boom", ctx -> {
            throw new IllegalStateException("secret detail");
        });
        EngineHarness h = harness(saga("order", "order", ORDER), boom);

        Response response = h.send(Request.of("POST", "/checkout"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).doesNotContain("secret detail");
        assertThat(h.effects.writes()).containsExactly("put:order", "delete:order");
    }

    @Test
    void successfulRequestRunsNoCompensation() {
        EngineHarness h = harness(saga("order", "order", ORDER), saga("stock", "stock", STOCK), ANSWER);

        assertThat(h.send(Request.of("POST", "/checkout")).status()).isEqualTo(201);
        assertThat(h.effects.writes()).containsExactly("put:order", "put:stock");
        assertThat(h.timeline().events(TimelineEvent.CompensationRan.class)).isEmpty();
    }

    @Test
    void onlySucceededEffectsAreCompensated() {
        Step both = Step.named("both").writes(ORDER, STOCK).run(ctx -> {
            DbPut order = Effects.dbPut("order", "x").into(ORDER);
            DbPut stock = Effects.dbPut("stock", "x").into(STOCK);
            return Decision.need(order, stock).sequential()
                    .compensate(order, Effects.dbDelete("order"))
                    .compensate(stock, Effects.dbDelete("stock"));
        });
        EngineHarness h = harness(both, ANSWER);
        h.effects.on("stock", fail(ErrorKind.CONFLICT, 5));

        assertThat(h.send(Request.of("POST", "/checkout")).status()).isEqualTo(409);
        assertThat(h.effects.writes()).containsExactly("put:order", "delete:order");
    }

    @Test
    void failingCompensationIsRecordedAndTheNextStillRuns() {
        EngineHarness h = harness(saga("order", "order", ORDER), saga("stock", "stock", STOCK),
                saga("pay", "payment", PAYMENT), ANSWER);
        h.effects.on("payment", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 5));
        // The first compensation to run (stock's delete) fails; order's still runs.
        h.effects.on("stock", ok("x", 1), fail(ErrorKind.UPSTREAM_UNAVAILABLE, 1));

        assertThat(h.send(Request.of("POST", "/checkout")).status()).isEqualTo(502);
        assertThat(h.effects.writes()).containsExactly("put:order", "put:stock", "delete:order");
        assertThat(h.timeline().events(TimelineEvent.CompensationRan.class))
                .extracting(TimelineEvent.CompensationRan::outcome)
                .containsExactly("UpstreamUnavailable", "ok");
    }

    @Test
    void deadlineFailureStillCompensates() {
        Step slow = Step.named("slow").writes(STOCK).run(ctx -> Decision.need(Effects.dbGet("slow")
                .timeout(java.time.Duration.ofSeconds(5))));
        EngineHarness h = new EngineHarness(RouteTable.builder().post("/checkout", r -> r
                .steps(saga("order", "order", ORDER), slow, ANSWER)
                .timeout(java.time.Duration.ofMillis(100))).build());
        h.effects.on("slow", ok("v", 10_000));

        assertThat(h.send(Request.of("POST", "/checkout")).status()).isEqualTo(504);
        assertThat(h.effects.writes()).containsExactly("put:order", "delete:order");
    }
}
