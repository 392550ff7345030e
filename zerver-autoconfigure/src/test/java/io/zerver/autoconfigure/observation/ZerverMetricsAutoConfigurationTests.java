package io.zerver.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.observation.metrics.InFlightMetrics;
import io.zerver.observation.metrics.SchedulerMetrics;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ZerverMetricsAutoConfigurationTests {

    /** The meters docs/scheduler.md lists for the scheduler and the engine, with their tags. */
    private static final Set<String> SCHEDULER_METERS = Set.of(
            "zerver.scheduler.queue.depth priority=batch", "zerver.scheduler.queue.depth priority=interactive",
            "zerver.scheduler.running",
            "zerver.scheduler.queue.wait priority=batch", "zerver.scheduler.queue.wait priority=interactive",
            "zerver.scheduler.shed priority=batch", "zerver.scheduler.shed priority=interactive",
            "zerver.scheduler.expired priority=batch", "zerver.scheduler.expired priority=interactive",
            "zerver.scheduler.park.wait",
            "zerver.budget.exceeded action=park", "zerver.budget.exceeded action=reject");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZerverEngineAutoConfiguration.class,
                    ZerverMetricsAutoConfiguration.class));

    @Test
    void everySchedulerMeterTheDocsListExistsOnTheMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            SloScheduler scheduler = context.getBean(SloScheduler.class);

            assertThat(scheduler.listener()).isSameAs(context.getBean(SchedulerMetrics.class));
            assertThat(names(meters)).containsAll(SCHEDULER_METERS);
        });
    }

    @Test
    void theSchedulerReportsToItsMeters() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("zerver.scheduler.max-concurrent=1", "zerver.scheduler.max-queued=0")
                .withBean(ZerverRoutes.class, () -> routes -> routes.get("/x",
                        r -> r.steps(Step.of("ok", ctx -> Decision.done(Response.noContent())))))
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    SloScheduler scheduler = context.getBean(SloScheduler.class);
                    assertThat(scheduler.tryRunNow()).isTrue(); // the only slot is taken

                    Response shed = context.getBean(Engine.class).handle(Request.of("GET", "/x"))
                            .block(Duration.ofSeconds(5));

                    assertThat(shed.status()).isEqualTo(503);
                    assertThat(meters.get("zerver.scheduler.shed").tag("priority", "interactive").counter().count())
                            .isEqualTo(1);
                    assertThat(meters.get("zerver.scheduler.running").gauge().value()).isEqualTo(1);
                    scheduler.release();
                });
    }

    @Test
    void effectsInFlightAreAGaugePerTarget() {
        Sinks.One<Object> answer = Sinks.one();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(EffectHandlers.class,
                        () -> EffectHandlers.builder().on(DbGet.class, (e, c) -> answer.asMono()).build())
                .withBean(ZerverRoutes.class, () -> routes -> routes.get("/x", r -> r.steps(
                        Step.of("fetch", ctx -> Decision.need(Effects.dbGet("k"))),
                        Step.of("done", ctx -> Decision.done(Response.noContent())))))
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Mono<Response> response = context.getBean(Engine.class).handle(Request.of("GET", "/x")).cache();
                    response.subscribe();

                    assertThat(meters.get("zerver.effects.in.flight").tag("target", "db").gauge().value())
                            .isEqualTo(1);
                    answer.tryEmitValue("v");
                    assertThat(response.block(Duration.ofSeconds(5)).status()).isEqualTo(204);
                    assertThat(meters.get("zerver.effects.in.flight").tag("target", "db").gauge().value())
                            .isZero();
                    assertThat(context.getBean(InFlightMetrics.class).inFlight("db")).isZero();
                });
    }

    @Test
    void withoutAMeterRegistryNothingIsBoundAndTheEngineRuns() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).hasSingleBean(SloScheduler.class)
                    .doesNotHaveBean(SchedulerMetrics.class).doesNotHaveBean(InFlightMetrics.class);
            assertThat(context.getBean(SloScheduler.class).listener()).isNotInstanceOf(SchedulerMetrics.class);
            assertThat(context.getBean(Engine.class).handle(Request.of("GET", "/nothing"))
                    .block(Duration.ofSeconds(5)).status()).isEqualTo(404);
        });
    }

    @Test
    void withoutMicrometerOnTheClasspathNothingIsBound() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Engine.class)
                        .doesNotHaveBean(SchedulerMetrics.class).doesNotHaveBean(InFlightMetrics.class));
    }

    @Test
    void anApplicationSchedulerListenerReplacesTheSchedulerMeters() {
        SchedulerListener own = new SchedulerListener() {
        };
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(SchedulerListener.class, () -> own)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SchedulerMetrics.class).hasSingleBean(InFlightMetrics.class);
                    assertThat(context.getBean(SloScheduler.class).listener()).isSameAs(own);
                });
    }

    @Test
    void noSchedulerMetersWhenTheSchedulerIsOff() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("zerver.scheduler.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SloScheduler.class)
                            .doesNotHaveBean(SchedulerMetrics.class).hasSingleBean(InFlightMetrics.class);
                    assertThat(context.getBean(MeterRegistry.class).find("zerver.scheduler.running").gauge())
                            .isNull();
                });
    }

    private static Set<String> names(MeterRegistry meters) {
        Set<String> names = new TreeSet<>();
        for (Meter meter : meters.getMeters()) {
            StringBuilder name = new StringBuilder(meter.getId().getName());
            meter.getId().getTags().forEach(tag -> name.append(' ').append(tag.getKey()).append('=')
                    .append(tag.getValue()));
            names.add(name.toString());
        }
        return names;
    }
}
