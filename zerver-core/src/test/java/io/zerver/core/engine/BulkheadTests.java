package io.zerver.core.engine;

import static io.zerver.core.engine.ScriptedEffects.hang;
import static io.zerver.core.engine.ScriptedEffects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effects;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-target in-flight caps. */
class BulkheadTests {

    private final Step three = Step.of("three", ctx -> Decision.need(Effects.dbGet("a"), Effects.dbGet("b"),
            Effects.dbGet("c")));
    private final Step threeLastOptional = Step.of("three", ctx -> Decision.need(Effects.dbGet("a"),
            Effects.dbGet("b"), Effects.dbGet("c").optional()));
    private final Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));

    private EngineHarness harness(Step first, BulkheadLimits limits) {
        return new EngineHarness(RouteTable.builder()
                .get("/r", r -> r.steps(first, done).timeout(Duration.ofMillis(500))).build(),
                b -> b.bulkheads(limits));
    }

    @Test
    void attemptOverTheTargetCapFailsAtOnceWith503() {
        EngineHarness h = harness(three, BulkheadLimits.of(10).with("db", 2));
        h.effects.on("a", ok("A", 100)).on("b", ok("B", 100)).on("c", ok("C", 100));

        Response response = h.get("/r");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyAsString()).contains("bulkhead:db");
        assertThat(h.effects.started("c")).isFalse();
        assertThat(h.answeredAfterMillis).isLessThan(5);
    }

    @Test
    void optionalEffectOverTheCapIsSkippedAndTheRequestGoesOn() {
        EngineHarness h = harness(threeLastOptional, BulkheadLimits.of(2));
        h.effects.on("a", ok("A", 10)).on("b", ok("B", 10));

        assertThat(h.get("/r").status()).isEqualTo(204);
        assertThat(h.effects.started("c")).isFalse();
    }

    @Test
    void slotsAreGivenBackWhenEffectsEndOrAreCancelled() {
        EngineHarness h = harness(three, BulkheadLimits.of(3));
        h.effects.on("a", ok("A", 10)).on("b", hang()).on("c", ok("C", 10));

        assertThat(h.get("/r").status()).isEqualTo(504);
        assertThat(h.engine().inFlightByTarget()).containsEntry("db", 0);

        h.effects.on("b", ok("B", 10));
        assertThat(h.get("/r").status()).isEqualTo(204);
        assertThat(h.engine().inFlightByTarget()).containsEntry("db", 0);
    }

    @Test
    void uncappedTargetsAreNotCounted() {
        EngineHarness h = harness(three, BulkheadLimits.unlimited());

        assertThat(h.get("/r").status()).isEqualTo(204);
        assertThat(h.engine().inFlightByTarget()).isEmpty();
    }

    @Test
    void rejectsInvalidCaps() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BulkheadLimits.of(-1))
                .hasMessage("perTarget: -1 (expected: >= 0, 0 for no cap)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BulkheadLimits.unlimited().with("db", 0))
                .hasMessage("cap of 'db': 0 (expected: >= 1)");
    }
}
