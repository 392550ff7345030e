package io.zerver.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.zerver.core.http.Request;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real OpenTelemetry tracer that samples nothing (or everything) over the observations,
 * Micrometer's meter handler beside it, as Spring Boot wires them: the children of an
 * unsampled request are timers only, the same timers the observations of a sampled one
 * give.
 */
class UnsampledRequestTests {

    private final List<SdkTracerProvider> providers = new ArrayList<>();
    /** The registry of the application made last. */
    private ObservationRegistry registry = ObservationRegistry.NOOP;

    @AfterEach
    void closeTracers() {
        providers.forEach(SdkTracerProvider::close);
    }

    /** An application whose registry has a tracer with {@code sampler}, a meter handler and {@code recorded}. */
    private TodoRoutes app(Sampler sampler, SimpleMeterRegistry meters, RecordingHandler recorded,
            List<ObservationPredicate> predicates, List<ObservationFilter> filters, @Nullable SloScheduler slo) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(sampler).build();
        providers.add(provider);
        OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
        });
        registry = ObservationRegistry.create();
        registry.observationConfig()
                .observationHandler(new DefaultTracingObservationHandler(tracer))
                .observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(recorded);
        predicates.forEach(registry.observationConfig()::observationPredicate);
        filters.forEach(registry.observationConfig()::observationFilter);
        ObservationTimelineObserver observer = ObservationTimelineObserver.builder(registry)
                .meterRegistry(meters, predicates, filters).build();
        return slo == null ? new TodoRoutes(observer) : new TodoRoutes(observer, b -> b.stepScheduler(slo));
    }

    private TodoRoutes app(Sampler sampler, SimpleMeterRegistry meters, RecordingHandler recorded) {
        return app(sampler, meters, recorded, List.of(), List.of(), null);
    }

    /** GETs a stored todo, a missing one, a route that throws, and a failing write that compensates. */
    private static void exercise(TodoRoutes app) {
        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");
        app.get("/todos/404");
        app.get("/boom");
        app.send("POST", "/todos/7/fail", "");
    }

    @Test
    void unsampledRequestObservesOnlyItselfAndTimesItsChildren() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingHandler recorded = new RecordingHandler();
        TodoRoutes app = app(Sampler.alwaysOff(), meters, recorded);

        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");

        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("zerver.requests");
        assertThat(meters.get("zerver.steps").tag("step.name", "load").tag("step.outcome", "need")
                .tag("error", "none").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.effects").tag("effect.kind", "db.get").tag("effect.outcome", "ok")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id").tag("http.request.method", "GET")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void withoutATracerEveryRequestObservesOnlyItselfAndTimesItsChildren() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingHandler recorded = new RecordingHandler();
        registry = ObservationRegistry.create();
        registry.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(recorded);
        TodoRoutes app = new TodoRoutes(ObservationTimelineObserver.builder(registry)
                .meterRegistry(meters, List.of(), List.of()).untraced(true).build());

        app.send("PUT", "/todos/1", "milk");
        app.get("/todos/1");

        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("zerver.requests");
        assertThat(meters.get("zerver.steps").tag("step.name", "load").tag("step.outcome", "need")
                .tag("error", "none").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.effects").tag("effect.kind", "db.get").tag("effect.outcome", "ok")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void sampledRequestObservesEveryChild() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingHandler recorded = new RecordingHandler();
        TodoRoutes app = app(Sampler.alwaysOn(), meters, recorded);

        app.send("PUT", "/todos/1", "milk");
        recorded.started.clear();
        app.get("/todos/1");

        assertThat(recorded.started).extracting(Observation.Context::getName)
                .containsExactlyInAnyOrder("zerver.requests", "zerver.steps", "zerver.effects", "zerver.steps");
    }

    @Test
    void unsampledTimersAreTheTimersObservationsGive() {
        SimpleMeterRegistry sampled = new SimpleMeterRegistry();
        SimpleMeterRegistry unsampled = new SimpleMeterRegistry();
        exercise(app(Sampler.alwaysOn(), sampled, new RecordingHandler()));
        exercise(app(Sampler.alwaysOff(), unsampled, new RecordingHandler()));

        for (String name : new String[] {"zerver.requests", "zerver.steps", "zerver.effects"}) {
            assertThat(timers(unsampled, name)).as(name).isNotEmpty().isEqualTo(timers(sampled, name));
        }
        // The failures are among them: a step that threw and a record that was missing.
        assertThat(meters(unsampled, "zerver.steps")).anySatisfy(timer -> assertThat(timer.getId().getTag("error"))
                .isEqualTo(UnsampledTimers.FAILURE));
        assertThat(unsampled.get("zerver.effects").tag("effect.outcome", "NotFound")
                .tag("error", UnsampledTimers.FAILURE).timer().count()).isEqualTo(1);
    }

    @Test
    void requestUnderAnUnsampledParentIsOnlyTimed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingHandler recorded = new RecordingHandler();
        TodoRoutes app = app(Sampler.alwaysOff(), meters, recorded);
        app.send("PUT", "/todos/1", "milk");
        recorded.started.clear();

        Observation server = Observation.start("http.server.requests", registry);
        try (Observation.Scope scope = server.openScope()) {
            assertThat(app.get("/todos/1").status()).isEqualTo(200);
        }
        server.stop();

        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("http.server.requests");
        assertThat(meters.get("zerver.requests").tag("http.route", "/todos/:id").tag("http.request.method", "GET")
                .tag("http.response.status_code", "200").tag("error", "none").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.steps").tag("step.name", "load").timer().count()).isEqualTo(1);
    }

    @Test
    void requestUnderASampledParentIsItsObservedChild() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingHandler recorded = new RecordingHandler();
        TodoRoutes app = app(Sampler.alwaysOn(), meters, recorded);

        Observation server = Observation.start("http.server.requests", registry);
        try (Observation.Scope scope = server.openScope()) {
            app.get("/nothing");
        }
        server.stop();

        ObservationContextAssert.assertThat(recorded.named("GET"))
                .hasParentObservationContextMatching(parent -> parent == server.getContext());
    }

    @Test
    void unsampledStepTimerMeasuresTheStep() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TodoRoutes app = app(Sampler.alwaysOff(), meters, new RecordingHandler());

        app.get("/boom");

        Timer boom = meters.get("zerver.steps").tag("step.name", "boom").timer();
        assertThat(boom.count()).isEqualTo(1);
        assertThat(boom.totalTime(TimeUnit.NANOSECONDS)).isPositive()
                .isLessThanOrEqualTo(meters.get("zerver.requests").timer().totalTime(TimeUnit.NANOSECONDS));
    }

    @Test
    void predicateDecliningStepsTurnsTheirUnsampledTimersOff() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationPredicate noSteps = (name, context) -> !"zerver.steps".equals(name);
        TodoRoutes app = app(Sampler.alwaysOff(), meters, new RecordingHandler(), List.of(noSteps), List.of(), null);

        exercise(app);

        assertThat(meters.find("zerver.steps").timers()).isEmpty();
        assertThat(meters.find("zerver.effects").timers()).isNotEmpty();
    }

    @Test
    void filterKeyValuesReachTheUnsampledTimers() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationFilter region = context -> context.addLowCardinalityKeyValue(KeyValue.of("region", "eu"));
        TodoRoutes app = app(Sampler.alwaysOff(), meters, new RecordingHandler(), List.of(), List.of(region), null);

        exercise(app);

        assertThat(meters(meters, "zerver.steps")).isNotEmpty()
                .allSatisfy(timer -> assertThat(timer.getId().getTag("region")).isEqualTo("eu"));
    }

    @Test
    void filtersSeeAStepOncePerTimerNotOncePerRun() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicLong stepContexts = new AtomicLong();
        ObservationFilter counting = context -> {
            if (context instanceof ZerverStepContext) {
                stepContexts.incrementAndGet();
            }
            return context;
        };
        TodoRoutes app = app(Sampler.alwaysOff(), meters, new RecordingHandler(), List.of(), List.of(counting), null);
        app.send("PUT", "/todos/1", "milk");
        long afterFirst = stepContexts.get();

        for (int i = 0; i < 5; i++) {
            app.get("/todos/1");
        }
        long afterFirstGet = stepContexts.get();
        for (int i = 0; i < 5; i++) {
            app.get("/todos/1");
        }

        assertThat(afterFirst).isPositive();
        assertThat(stepContexts.get()).isEqualTo(afterFirstGet);
        assertThat(meters.get("zerver.steps").tag("step.name", "load").tag("step.outcome", "need").timer().count())
                .isEqualTo(10);
    }

    @Test
    void unsampledPromotedJobIsATimerAndNoEvent() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingHandler recorded = new RecordingHandler();
        AtomicLong ticks = new AtomicLong();
        SloScheduler slo = SloScheduler.create(SchedulerConfig.defaults().withMaxConcurrent(1), Runnable::run,
                ticks::get, SchedulerListener.none());
        TodoRoutes app = app(Sampler.alwaysOff(), meters, recorded, List.of(), List.of(), slo);

        assertThat(slo.tryRunNow()).isTrue();
        CompletableFuture<?> answer = app.engine.handle(Request.of("GET", "/boom")).toFuture();
        ticks.addAndGet(Duration.ofMillis(20).toNanos());
        slo.release();
        answer.get(5, TimeUnit.SECONDS);

        assertThat(meters.get("zerver.jobs").tag("zerver.job", "step").tag("zerver.job.wait", "queue")
                .timer().count()).isEqualTo(1);
        assertThat(recorded.started).extracting(Observation.Context::getName).containsOnly("zerver.requests");
        assertThat(meters.find("zerver.requests.queue_wait").counters()).isEmpty();
    }

    private static List<Timer> meters(SimpleMeterRegistry registry, String name) {
        return List.copyOf(registry.find(name).timers());
    }

    /** Each timer of {@code name} as its sorted tags and count. */
    private static Set<String> timers(SimpleMeterRegistry registry, String name) {
        return registry.find(name).timers().stream()
                .map(timer -> timer.getId().getTags() + " x" + timer.count())
                .collect(Collectors.toSet());
    }
}
