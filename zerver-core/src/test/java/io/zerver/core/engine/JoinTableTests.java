package io.zerver.core.engine;

import static io.zerver.core.engine.ScriptedEffects.fail;
import static io.zerver.core.engine.ScriptedEffects.hang;
import static io.zerver.core.engine.ScriptedEffects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Mode;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The join table of docs/architecture.md, cell by cell: mode x join x the first effect required or
 * optional x its success, failure or timeout. The need always has two effects: A, the
 * subject (finishes at 10 ms, or times out at 50 ms), then B (required, succeeds at
 * 100 ms). The continuation answers 200 with which slots are set and the last error, so
 * that each cell's resumption, slots and cancellations can be read off.
 */
class JoinTableTests {

    private static final Slot<String> A = Slot.of("a", String.class);
    private static final Slot<String> B = Slot.of("b", String.class);

    enum Outcome { SUCCESS, FAILURE, TIMEOUT }

    enum BFate { COMPLETED, CANCELLED, NEVER_STARTED }

    static Stream<Arguments> cells() {
        return Stream.of(
                // mode, join, A required, A outcome -> status, A set, B set, B's fate
                cell(Mode.PARALLEL, Join.ALL, true, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.ALL, true, Outcome.FAILURE, 502, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ALL, true, Outcome.TIMEOUT, 504, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ALL, false, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.ALL, false, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.ALL, false, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),

                cell(Mode.PARALLEL, Join.ALL_REQUIRED, true, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.ALL_REQUIRED, true, Outcome.FAILURE, 502, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ALL_REQUIRED, true, Outcome.TIMEOUT, 504, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ALL_REQUIRED, false, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.ALL_REQUIRED, false, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.ALL_REQUIRED, false, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),

                // ANY resumes at the first finished effect, success or failure: the continuation decides.
                cell(Mode.PARALLEL, Join.ANY, true, Outcome.SUCCESS, 200, true, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ANY, true, Outcome.FAILURE, 200, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ANY, true, Outcome.TIMEOUT, 200, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ANY, false, Outcome.SUCCESS, 200, true, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ANY, false, Outcome.FAILURE, 200, false, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.ANY, false, Outcome.TIMEOUT, 200, false, false, BFate.CANCELLED),

                // FIRST_SUCCESS: the first success wins; a failure waits for the others.
                cell(Mode.PARALLEL, Join.FIRST_SUCCESS, true, Outcome.SUCCESS, 200, true, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.FIRST_SUCCESS, true, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.FIRST_SUCCESS, true, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.FIRST_SUCCESS, false, Outcome.SUCCESS, 200, true, false, BFate.CANCELLED),
                cell(Mode.PARALLEL, Join.FIRST_SUCCESS, false, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.PARALLEL, Join.FIRST_SUCCESS, false, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),

                // SEQUENTIAL: in order; a required failure stops the rest before they start.
                cell(Mode.SEQUENTIAL, Join.ALL, true, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.ALL, true, Outcome.FAILURE, 502, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ALL, true, Outcome.TIMEOUT, 504, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ALL, false, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.ALL, false, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.ALL, false, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),

                cell(Mode.SEQUENTIAL, Join.ALL_REQUIRED, true, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.ALL_REQUIRED, true, Outcome.FAILURE, 502, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ALL_REQUIRED, true, Outcome.TIMEOUT, 504, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ALL_REQUIRED, false, Outcome.SUCCESS, 200, true, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.ALL_REQUIRED, false, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.ALL_REQUIRED, false, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),

                // SEQUENTIAL ANY resumes after the first effect; the rest never start.
                cell(Mode.SEQUENTIAL, Join.ANY, true, Outcome.SUCCESS, 200, true, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ANY, true, Outcome.FAILURE, 200, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ANY, true, Outcome.TIMEOUT, 200, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ANY, false, Outcome.SUCCESS, 200, true, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ANY, false, Outcome.FAILURE, 200, false, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.ANY, false, Outcome.TIMEOUT, 200, false, false, BFate.NEVER_STARTED),

                // SEQUENTIAL FIRST_SUCCESS is a fallback chain.
                cell(Mode.SEQUENTIAL, Join.FIRST_SUCCESS, true, Outcome.SUCCESS, 200, true, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.FIRST_SUCCESS, true, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.FIRST_SUCCESS, true, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.FIRST_SUCCESS, false, Outcome.SUCCESS, 200, true, false, BFate.NEVER_STARTED),
                cell(Mode.SEQUENTIAL, Join.FIRST_SUCCESS, false, Outcome.FAILURE, 200, false, true, BFate.COMPLETED),
                cell(Mode.SEQUENTIAL, Join.FIRST_SUCCESS, false, Outcome.TIMEOUT, 200, false, true, BFate.COMPLETED));
    }

    private static Arguments cell(Mode mode, Join join, boolean aRequired, Outcome aOutcome, int status,
            boolean aSet, boolean bSet, BFate bFate) {
        return Arguments.of(mode, join, aRequired, aOutcome, status, aSet, bSet, bFate);
    }

    @ParameterizedTest(name = "{0} {1} A required={2} {3} -> {4}, A set={5}, B set={6}, B {7}")
    @MethodSource("cells")
    void joinBehavesAsTheTableSays(Mode mode, Join join, boolean aRequired, Outcome aOutcome, int status,
            boolean aSet, boolean bSet, BFate bFate) {
        Step report = Step.named("report").reads(A, B).run(ctx -> Decision.done(Response.text(200,
                "a=" + ctx.optional(A).isPresent() + " b=" + ctx.optional(B).isPresent()
                        + " lastError=" + ctx.lastError().map(e -> e.kind().label()).orElse("none"))));
        Step fetch = Step.named("fetch").writes(A, B).continuesWith(report).run(ctx -> {
            Effect a = Effects.dbGet("a").into(A).timeout(Duration.ofMillis(50)).required(aRequired);
            Effect b = Effects.dbGet("b").into(B);
            return Decision.need(a, b).mode(mode).join(join).then(report);
        });
        EngineHarness harness = new EngineHarness(RouteTable.builder().get("/join", r -> r.steps(fetch)).build());
        harness.effects.on("a", switch (aOutcome) {
            case SUCCESS -> ok("A", 10);
            case FAILURE -> fail(ErrorKind.UPSTREAM_UNAVAILABLE, 10);
            case TIMEOUT -> hang();
        }).on("b", ok("B", 100));

        Response response = harness.get("/join");

        assertThat(response.status()).as("status").isEqualTo(status);
        if (status == 200) {
            assertThat(response.bodyAsString()).startsWith("a=" + aSet + " b=" + bSet);
            String expectedError = aOutcome == Outcome.SUCCESS ? "none"
                    : aOutcome == Outcome.FAILURE ? "UpstreamUnavailable" : "Timeout";
            assertThat(response.bodyAsString()).endsWith("lastError=" + expectedError);
        }
        switch (bFate) {
            case COMPLETED -> assertThat(harness.effects.wasCancelled("b")).as("B cancelled").isFalse();
            case CANCELLED -> assertThat(harness.effects.wasCancelled("b")).as("B cancelled").isTrue();
            case NEVER_STARTED -> assertThat(harness.effects.started("b")).as("B started").isFalse();
        }
        if (bFate == BFate.COMPLETED) {
            assertThat(harness.effects.started("b")).isTrue();
        }
    }
}
