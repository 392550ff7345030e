package io.zerver.observation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class MetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void schedulerMetricsCountShedsAndQueueDepth() {
        SchedulerMetrics metrics = new SchedulerMetrics(registry);
        SloScheduler slo = SloScheduler.create(SchedulerConfig.defaults().withMaxConcurrent(1).withMaxQueued(1),
                metrics);
        metrics.bindTo(slo);
        Engine engine = Engine.builder().stepScheduler(slo).routes(RouteTable.builder()
                .get("/x", r -> r.steps(Step.of("ok", ctx -> Decision.done(Response.noContent())))).build()).build();
        slo.tryRunNow();

        engine.handle(Request.of("GET", "/x")).subscribe();
        Response shed = engine.handle(Request.of("GET", "/x")).block(Duration.ofSeconds(1));

        assertThat(shed.status()).isEqualTo(503);
        assertThat(registry.get("zerver.scheduler.queue.depth").tag("priority", "interactive").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get("zerver.scheduler.shed").tag("priority", "interactive").counter().count())
                .isEqualTo(1);
        slo.release();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(registry.get("zerver.scheduler.queue.wait").tag("priority", "interactive").timer()
                        .count()).isEqualTo(1));
    }

    @Test
    void inFlightGaugeFollowsEffectsPerTarget() {
        Sinks.One<String> answer = Sinks.one();
        InFlightMetrics inFlight = new InFlightMetrics(registry);
        Step fetch = Step.of("fetch", ctx -> Decision.need(Effects.dbGet("k")));
        Step done = Step.of("done", ctx -> Decision.done(Response.noContent()));
        Engine engine = Engine.builder()
                .routes(RouteTable.builder().get("/x", r -> r.steps(fetch, done)).build())
                .handlers(EffectHandlers.builder().on(DbGet.class, (e, c) -> answer.asMono()).build())
                .observer(inFlight)
                .build();

        Mono<Response> response = engine.handle(Request.of("GET", "/x")).cache();
        response.subscribe();
        assertThat(registry.get("zerver.effects.in.flight").tag("target", "db").gauge().value()).isEqualTo(1);

        answer.tryEmitValue("v");
        assertThat(response.block(Duration.ofSeconds(1)).status()).isEqualTo(204);
        assertThat(inFlight.inFlight("db")).isZero();
    }
}
