package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@link Engine#handleNow} runs a request at once: a pipeline that answers without waiting is
 * answered, finished and observed before anything subscribes, as a {@code Mono.just}.
 */
class HandleNowTests {

    private static final Slot<String> VALUE = Slot.of("value", String.class);

    private final AtomicInteger ran = new AtomicInteger();
    private final List<Timeline> finished = new ArrayList<>();
    private final Sinks.One<String> later = Sinks.one();

    private final Engine engine = Engine.builder()
            .routes(RouteTable.builder()
                    .get("/now", r -> r.steps(Step.of("now", ctx -> {
                        ran.incrementAndGet();
                        return Decision.done(Response.text(200, "now"));
                    })))
                    .get("/later", r -> r.steps(
                            Step.named("fetch").writes(VALUE).run(ctx -> Decision.need(Effects.dbGet("k").into(VALUE))),
                            Step.named("answer").reads(VALUE).run(ctx -> Decision.done(Response.text(200,
                                    ctx.require(VALUE))))))
                    .build())
            .handlers(EffectHandlers.builder().on(DbGet.class, (e, c) -> later.asMono()).build())
            .observer(new TimelineObserver() {
                @Override
                public void onFinish(Timeline timeline) {
                    finished.add(timeline);
                }
            })
            .build();

    private Mono<Response> now(String path) {
        RouteMatch match = engine.routes().match("GET", path);
        return engine.handleNow(Request.of("GET", path), match);
    }

    @Test
    void aPipelineAnsweringWithoutWaitingIsAnsweredBeforeAnySubscription() throws Exception {
        Mono<Response> answered = now("/now");

        assertThat(ran).hasValue(1);
        assertThat(answered).isInstanceOf(Fuseable.ScalarCallable.class);
        @SuppressWarnings("unchecked")
        Response response = ((Fuseable.ScalarCallable<Response>) answered).call();
        assertThat(response.bodyAsString()).isEqualTo("now");
        assertThat(response.headers().first(Engine.REQUEST_ID_HEADER)).isPresent();
        assertThat(finished).singleElement().satisfies(timeline -> {
            assertThat(timeline.status()).isEqualTo(200);
            assertThat(timeline.events(TimelineEvent.Finished.class)).hasSize(1);
        });
    }

    @Test
    void aPipelineWaitingForAnEffectAnswersWhenTheEffectHas() {
        Mono<Response> answered = now("/later");

        assertThat(answered).isNotInstanceOf(Fuseable.ScalarCallable.class);
        assertThat(finished).isEmpty();
        later.tryEmitValue("done");
        assertThat(answered.block(Duration.ofSeconds(5)).bodyAsString()).isEqualTo("done");
        assertThat(finished).hasSize(1);
    }

    @Test
    void handleStillRunsOnlyWhenSubscribed() {
        Mono<Response> deferred = engine.handle(Request.of("GET", "/now"));

        assertThat(ran).hasValue(0);
        assertThat(deferred.block(Duration.ofSeconds(5)).status()).isEqualTo(200);
        assertThat(ran).hasValue(1);
    }
}
