package io.zerver.core.engine;

import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** An engine on virtual time with scripted effects, and a way to run a request to its end. */
final class EngineHarness {

    final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    final ScriptedEffects effects = new ScriptedEffects(time);
    final AtomicReference<Timeline> lastTimeline = new AtomicReference<>();
    private final Engine engine;
    /** How long, in virtual milliseconds, the last request took to be answered. */
    long answeredAfterMillis;

    EngineHarness(RouteTable routes) {
        this(routes, b -> b);
    }

    EngineHarness(RouteTable routes, UnaryOperator<Engine.Builder> customizer) {
        Engine.Builder builder = Engine.builder()
                .routes(routes)
                .scheduler(time)
                .defaultTimeout(Duration.ofSeconds(1))
                .handlers(effects.handlers())
                .observer(new TimelineObserver() {
                    @Override
                    public void onStart(Timeline timeline) {
                        lastTimeline.set(timeline);
                    }
                });
        this.engine = customizer.apply(builder).build();
    }

    Engine engine() {
        return engine;
    }

    /** Sends {@code request} and lets virtual time run until it is answered (or an hour passed). */
    Response send(Request request) {
        AtomicReference<Response> response = new AtomicReference<>();
        long start = time.now(TimeUnit.MILLISECONDS);
        Disposable subscription = engine.handle(request).subscribe(r -> {
            answeredAfterMillis = time.now(TimeUnit.MILLISECONDS) - start;
            response.set(r);
        });
        for (int i = 0; i < 10_000 && response.get() == null; i++) {
            time.advanceTimeBy(Duration.ofMillis(1));
        }
        for (int i = 0; i < 3600 && response.get() == null; i++) {
            time.advanceTimeBy(Duration.ofSeconds(1));
        }
        subscription.dispose();
        if (response.get() == null) {
            throw new AssertionError("no response to " + request + " within an hour of virtual time");
        }
        return response.get();
    }

    Response get(String target) {
        return send(Request.of("GET", target));
    }

    /** Lets virtual time go on, for work that outlives the response. */
    void advance(Duration duration) {
        time.advanceTimeBy(duration);
    }

    Timeline timeline() {
        return lastTimeline.get();
    }
}
