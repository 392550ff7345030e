package io.zerver.effects.http;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.HttpResult;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Need;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs effects through a real engine: a route whose first step needs them and whose second renders the slot. */
final class Pipelines {

    static final Slot<HttpResult> RESULT = Slot.of("result", HttpResult.class);
    static final Slot<HttpResult> OTHER = Slot.of("other", HttpResult.class);

    private static final Step RENDER = Step.named("render").reads(RESULT, OTHER).run(ctx -> {
        HttpResult r = ctx.require(RESULT);
        return Decision.done(Response.text(200, r.status() + " " + r.bodyAsString())
                .withHeader("X-Upstream-Method", r.headers().first("X-Echo-Method").orElse("-"))
                .withHeader("X-Upstream-Test", r.headers().first("X-Echo-Test").orElse("-")));
    });

    private static final AtomicReference<Timeline> LAST = new AtomicReference<>();

    private Pipelines() {
    }

    /** Answers {@code GET /r} after performing {@code effect}, which must go into {@link #RESULT}. */
    static Response run(HttpEffects http, Effect effect) {
        return run(http, Decision.need(effect));
    }

    /** Answers {@code GET /r} after performing {@code need}. */
    static Response run(HttpEffects http, Need need) {
        Step step = Step.named("fetch").writes(RESULT, OTHER).run(ctx -> need);
        Engine engine = Engine.builder()
                .routes(RouteTable.builder().get("/r", r -> r.steps(step, RENDER).timeout(Duration.ofSeconds(10)))
                        .build())
                .handlers(http.registerOn(EffectHandlers.builder()).build())
                .observer(new TimelineObserver() {
                    @Override
                    public void onStart(Timeline timeline) {
                        LAST.set(timeline);
                    }
                })
                .build();
        return engine.handle(Request.of("GET", "/r")).block(Duration.ofSeconds(15));
    }

    /**
     * The handler's key for the failure behind an error response: the reason of the last
     * failed attempt, as the timeline keeps it (the client sees only the family and slot
     * for NotFound and Internal errors).
     */
    static String errorKey(Response response) {
        List<TimelineEvent.EffectEnded> ended = LAST.get().events(TimelineEvent.EffectEnded.class);
        for (int i = ended.size() - 1; i >= 0; i--) {
            if (ended.get(i).reason() != null) {
                return ended.get(i).reason();
            }
        }
        return response.bodyAsString();
    }
}
