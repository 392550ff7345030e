package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.zerver.core.effect.Effects;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Layer;
import io.zerver.core.flow.Mode;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every request yields a complete timeline without any instrumentation in the steps. */
class TimelineRecordingTests {

    private static final Slot<String> USER = Slot.of("user", String.class);
    private static final Slot<String> TODO = Slot.of("todo", String.class);

    private final Step auth = Step.named("auth").writes(USER).run(ctx -> {
        ctx.put(USER, "ann");
        return Decision.next();
    });
    private final Step validate = Step.of("validate", ctx -> Decision.next());
    private final Step render = Step.named("render").reads(TODO).run(ctx ->
            Decision.done(Response.text(200, ctx.require(TODO))));
    private final Step load = Step.named("load").reads(USER).writes(TODO).continuesWith(render).run(ctx ->
            Decision.need(Effects.dbGet("todo:" + ctx.require(USER)).into(TODO)).then(render));

    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final EngineHarness h = new EngineHarness(RouteTable.builder()
            .before(auth)
            .get("/todo", r -> r.before(validate).steps(load))
            .build(), b -> b.observer(new TimelineObserver() {
                @Override
                public void onStart(Timeline timeline) {
                    observed.add("start");
                }

                @Override
                public void onEvent(Timeline timeline, TimelineEvent event) {
                    observed.add(event.getClass().getSimpleName());
                }

                @Override
                public void onFinish(Timeline timeline) {
                    observed.add("finish:" + timeline.status());
                }
            }));

    @Test
    void recordsStepsWithLayersAndSequence() {
        h.effects.on("todo:ann", ScriptedEffects.ok("milk", 5));

        h.get("/todo");

        assertThat(h.timeline().events(TimelineEvent.StepStarted.class))
                .extracting(TimelineEvent.StepStarted::step, TimelineEvent.StepStarted::layer,
                        TimelineEvent.StepStarted::sequence)
                .containsExactly(tuple("auth", Layer.GLOBAL, 1), tuple("validate", Layer.ROUTE, 2),
                        tuple("load", Layer.MAIN, 3), tuple("render", Layer.MAIN, 4));
        assertThat(h.timeline().events(TimelineEvent.StepEnded.class))
                .extracting(TimelineEvent.StepEnded::outcome)
                .containsExactly("continue", "continue", "need", "done");
    }

    @Test
    void recordsNeedEffectsResumeAndFinishInOrder() {
        h.effects.on("todo:ann", ScriptedEffects.ok("milk", 5));

        h.get("/todo");

        List<String> types = h.timeline().events().stream().map(e -> e.getClass().getSimpleName()).toList();
        assertThat(types).containsSubsequence("NeedScheduled", "EffectStarted", "EffectEnded", "Resumed",
                "StepStarted", "StepEnded", "Finished");
        assertThat(h.timeline().events(TimelineEvent.NeedScheduled.class)).singleElement().satisfies(n -> {
            assertThat(n.mode()).isEqualTo(Mode.PARALLEL);
            assertThat(n.join()).isEqualTo(Join.ALL);
            assertThat(n.effects()).isEqualTo(1);
        });
        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("db.get");
            assertThat(e.target()).isEqualTo("db");
            assertThat(e.slot()).isEqualTo("todo");
            assertThat(e.required()).isTrue();
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.durationNanos()).isEqualTo(5_000_000L);
            assertThat(e.bytes()).isEqualTo(4);
            assertThat(e.outcome()).isEqualTo("ok");
        });
        assertThat(h.timeline().events(TimelineEvent.Finished.class)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(200));
    }

    @Test
    void effectEventsCarryTheirNeedTimeoutAndWhatTheyTouch() {
        h.effects.on("todo:ann", ScriptedEffects.ok("milk", 5));

        h.get("/todo");

        assertThat(h.timeline().events(TimelineEvent.NeedScheduled.class)).extracting(TimelineEvent.NeedScheduled::need)
                .containsExactly(1);
        assertThat(h.timeline().events(TimelineEvent.EffectStarted.class)).singleElement().satisfies(e -> {
            assertThat(e.need()).isEqualTo(1);
            assertThat(e.timeoutNanos()).isEqualTo(1_000_000_000L); // db.get's default
            assertThat(e.detail()).isEqualTo("todo:ann");
        });
        assertThat(h.timeline().events(TimelineEvent.EffectEnded.class)).extracting(TimelineEvent.EffectEnded::need)
                .containsExactly(1);
    }

    @Test
    void observerSeesStartEventsAndFinish() {
        h.get("/todo");

        assertThat(observed.get(0)).isEqualTo("start");
        assertThat(observed.get(observed.size() - 1)).isEqualTo("finish:200");
        assertThat(observed).contains("StepStarted", "EffectEnded", "Finished");
    }

    @Test
    void timelineRendersAsJson() {
        h.get("/todo");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(h.timeline().toJson(), 16);

        assertThat(json).containsEntry("route", "/todo").containsEntry("status", 200L)
                .containsEntry("method", "GET");
        assertThat((List<?>) json.get("events")).first().satisfies(e ->
                assertThat(((Map<?, ?>) e).get("type") + "/" + ((Map<?, ?>) e).get("layer"))
                        .isEqualTo("StepStarted/global"));
    }

    @Test
    void failingObserverDoesNotBreakTheRequest() {
        EngineHarness fragile = new EngineHarness(RouteTable.builder().get("/x", r -> r.steps(
                Step.of("ok", ctx -> Decision.done(Response.noContent())))).build(),
                b -> b.observer(new TimelineObserver() {
                    @Override
                    public void onEvent(Timeline timeline, TimelineEvent event) {
                        throw new IllegalStateException("observer bug");
                    }
                }));

        assertThat(fragile.get("/x").status()).isEqualTo(204);
    }
}
