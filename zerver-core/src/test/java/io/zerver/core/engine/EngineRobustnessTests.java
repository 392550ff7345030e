package io.zerver.core.engine;

import static io.zerver.core.engine.ScriptedEffects.fail;
import static io.zerver.core.engine.ScriptedEffects.hang;
import static io.zerver.core.engine.ScriptedEffects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.flow.Join;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Failure modes found by reading the engine closely, each pinned by a test. */
class EngineRobustnessTests {

    private static final Slot<Boolean> SAVED = Slot.of("saved", Boolean.class);
    private static final Slot<String> VALUE = Slot.of("value", String.class);
    private static final Slot<String> OTHER = Slot.of("other", String.class);

    private final Step sagaWithHangingSibling = Step.named("save").writes(SAVED).run(ctx -> {
        DbPut put = Effects.dbPut("p", "x").into(SAVED);
        return Decision.need(put, Effects.dbGet("sibling")).compensate(put, Effects.dbDelete("p"));
    });
    private final Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));

    @Test
    void deadlineWhileASiblingRunsStillUndoesTheEffectThatSucceeded() {
        EngineHarness h = new EngineHarness(RouteTable.builder().post("/s", r -> r
                .steps(sagaWithHangingSibling, done).timeout(Duration.ofMillis(50))).build());
        h.effects.on("p", ok("x", 5)).on("sibling", hang());

        assertThat(h.send(Request.of("POST", "/s")).status()).isEqualTo(504);
        h.advance(Duration.ofSeconds(1));

        assertThat(h.effects.writes()).containsExactly("put:p", "delete:p");
    }

    @Test
    void clientLeavingWhileASiblingRunsStillUndoesTheEffectThatSucceeded() {
        EngineHarness h = new EngineHarness(RouteTable.builder().post("/s", r -> r
                .steps(sagaWithHangingSibling, done)).build());
        h.effects.on("p", ok("x", 5)).on("sibling", hang());

        Disposable client = h.engine().handle(Request.of("POST", "/s")).subscribe();
        h.advance(Duration.ofMillis(20));
        client.dispose();
        h.advance(Duration.ofSeconds(1));

        assertThat(h.effects.writes()).containsExactly("put:p", "delete:p");
    }

    @Test
    void thousandsOfNeedsAnsweredAtOnceDoNotDeepenTheStack() throws Exception {
        int needs = 3000;
        AtomicInteger count = new AtomicInteger();
        Step[] steps = new Step[needs + 1];
        for (int i = 0; i < needs; i++) {
            steps[i] = Step.of("need" + i, ctx -> {
                count.incrementAndGet();
                return Decision.need(Effects.dbGet("k").optional());
            });
        }
        steps[needs] = done;
        Engine engine = Engine.builder().routes(RouteTable.builder().get("/deep", r -> r.steps(steps)).build())
                .handlers(EmptyKv.handlers()).build();
        AtomicReference<Object> outcome = new AtomicReference<>();
        // Event-loop threads have small stacks: run on one of 512 KiB.
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(engine.handle(Request.of("GET", "/deep")).block(Duration.ofSeconds(30)));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 512 * 1024);
        small.start();
        small.join(60_000);

        assertThat(outcome.get()).isInstanceOfSatisfying(Response.class, r -> assertThat(r.status()).isEqualTo(204));
        assertThat(count).hasValue(needs);
    }

    @Test
    void continuationSeesOnlyTheErrorsOfItsOwnNeed() {
        Step answer = Step.named("answer").reads(VALUE, OTHER).run(ctx -> Decision.done(Response.text(200,
                ctx.optional(OTHER).orElse("-") + " lastError=" + ctx.lastError().map(e -> e.key()).orElse("none"))));
        Step second = Step.named("second").reads(VALUE).writes(OTHER).continuesWith(answer).run(ctx ->
                Decision.need(Effects.dbGet("b").into(OTHER)).join(Join.ANY).then(answer));
        Step first = Step.named("first").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("a").into(VALUE)
                .optional()));
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(first, second)).build());
        h.effects.on("a", fail(ErrorKind.NOT_FOUND, 1)).on("b", ok("B", 1));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("B lastError=none");
    }

    @Test
    void failingErrorRendererFallsBackToTheDefaultAndTheRequestStillFinishes() {
        AtomicInteger finished = new AtomicInteger();
        Engine engine = Engine.builder()
                .routes(RouteTable.builder().get("/r", r -> r.steps(Step.of("deny", ctx ->
                        Decision.fail(ErrorKind.FORBIDDEN, "auth", "nope")))).build())
                .errorRenderer((error, id) -> {
                    throw new IllegalStateException("renderer bug");
                })
                .observer(new TimelineObserver() {
                    @Override
                    public void onFinish(Timeline timeline) {
                        finished.incrementAndGet();
                    }
                })
                .build();

        Response denied = engine.handle(Request.of("GET", "/r")).block(Duration.ofSeconds(1));
        Response missing = engine.handle(Request.of("GET", "/nowhere")).block(Duration.ofSeconds(1));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.bodyAsString()).contains("\"kind\":\"Forbidden\"");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(finished).hasValue(2);
    }

    @Test
    void unexpectedFailureDoesNotNameInternalClasses() {
        Step fetch = Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE)));
        Engine engine = Engine.builder()
                .routes(RouteTable.builder().get("/r", r -> r.steps(fetch, done)).build())
                .handlers(EffectHandlers.builder().on(DbGet.class, (e, c) -> Mono.just(42)).build())
                .build();

        Response response = engine.handle(Request.of("GET", "/r")).block(Duration.ofSeconds(1));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).doesNotContain("ClassCast").contains("\"key\":\"unexpected\"");
    }

    @Test
    void stepSchedulerOnItsOwnClockWorksWithAnEngineOnAnother() {
        // The engine runs on virtual time; the scheduler reads System.nanoTime().
        SloScheduler slo = SloScheduler.create(SchedulerConfig.defaults().withMaxConcurrent(1), Runnable::run,
                System::nanoTime, SchedulerListener.none());
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(done)).build(),
                b -> b.stepScheduler(slo));
        slo.tryRunNow();
        AtomicReference<Response> response = new AtomicReference<>();
        h.engine().handle(Request.of("GET", "/r")).subscribe(response::set);

        slo.release();

        assertThat(response.get().status()).isEqualTo(204);
    }

    @Test
    void effectOptionsMayComeInAnyOrder() {
        Step fetch = Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").optional()
                .timeout(Duration.ofMillis(100)).into(VALUE)));
        Step answer = Step.named("answer").reads(VALUE).run(ctx ->
                Decision.done(Response.text(200, ctx.optional(VALUE).orElse("none"))));
        EngineHarness h = new EngineHarness(RouteTable.builder().get("/r", r -> r.steps(fetch, answer)).build());
        h.effects.on("k", fail(ErrorKind.UPSTREAM_UNAVAILABLE, 1));

        assertThat(h.get("/r").bodyAsString()).isEqualTo("none");
    }
}
