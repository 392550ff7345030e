package io.zerver.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The children of sampled requests made directly through a real OpenTelemetry tracer (the
 * observer given the tracer and a meter registry): no child observation reaches the
 * registry's handlers, the spans hang where the observations' would (promoted jobs included)
 * and the timers are the meter handler's.
 */
class DirectChildSpansTests {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
    });
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingHandler recorded = new RecordingHandler();
    private final ObservationRegistry registry = ObservationRegistry.create();
    /** The scheduler's clock, moved by hand; queued jobs run on the thread that frees the slot. */
    private final AtomicLong ticks = new AtomicLong();
    private final SloScheduler slo = SloScheduler.create(SchedulerConfig.defaults().withMaxConcurrent(1),
            Runnable::run, ticks::get, SchedulerListener.none());

    DirectChildSpansTests() {
        registry.observationConfig()
                .observationHandler(new DefaultTracingObservationHandler(tracer))
                .observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(recorded);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private TodoRoutes app(List<ObservationPredicate> predicates, List<ObservationFilter> filters) {
        TodoRoutes app = new TodoRoutes(ObservationTimelineObserver.builder(registry)
                .meterRegistry(meters, predicates, filters).tracer(tracer).build(), b -> b.stepScheduler(slo));
        app.send("PUT", "/todos/1", "milk");
        exported.reset();
        recorded.started.clear();
        meters.clear();
        return app;
    }

    /** Sends {@code GET target} while the only slot is taken, lets it wait {@code wait}, then frees the slot. */
    private Response queuedFor(TodoRoutes app, Duration wait, String target) throws Exception {
        assertThat(slo.tryRunNow()).isTrue();
        CompletableFuture<Response> answer = app.engine.handle(Request.of("GET", target)).toFuture();
        ticks.addAndGet(wait.toNanos());
        slo.release();
        return answer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void promotedJobIsASpanUnderTheRequestWithTheStepsItRanAndNoHandlerSeesTheChildren() throws Exception {
        TodoRoutes app = app(List.of(), List.of());

        assertThat(queuedFor(app, Duration.ofMillis(20), "/todos/1").status()).isEqualTo(200);

        assertThat(recorded.started).extracting(Observation.Context::getName).containsExactly("zerver.requests");
        SpanData request = span("GET /todos/:id");
        SpanData job = span("zerver.job.step");
        assertThat(job.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(job.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(job.getAttributes().get(AttributeKey.stringKey("zerver.job.wait_ms"))).isEqualTo("20.000");
        assertThat(job.getAttributes().get(AttributeKey.stringKey("zerver.job.wait"))).isEqualTo("queue");
        // The job runs the steps up to its need; the effect and what follows belong to the request.
        assertThat(span("zerver.step.load").getParentSpanId()).isEqualTo(job.getSpanId());
        SpanData effect = span("zerver.effect.db.get");
        assertThat(effect.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(effect.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span("zerver.step.render").getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(exported.getFinishedSpanItems()).hasSize(5);
        assertThat(meters.get("zerver.jobs").tag("zerver.job", "step").tag("zerver.job.wait", "queue")
                .tag("error", "none").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.steps").tag("step.name", "load").timer().count()).isEqualTo(1);
        assertThat(meters.get("zerver.effects").tag("effect.kind", "db.get").tag("error", "none").timer().count())
                .isEqualTo(1);
        assertThat(meters.find("zerver.steps.active").longTaskTimers()).isEmpty();
    }

    @Test
    void failedStepIsAFailedSpanAndAFailedTimer() {
        TodoRoutes app = app(List.of(), List.of());

        assertThat(app.get("/boom").status()).isEqualTo(500);

        SpanData boom = span("zerver.step.boom");
        assertThat(boom.getParentSpanId()).isEqualTo(span("GET /boom").getSpanId());
        assertThat(boom.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(boom.getAttributes().get(AttributeKey.stringKey("step.name"))).isEqualTo("boom");
        assertThat(meters.get("zerver.steps").tag("step.name", "boom").tag("error", UnsampledTimers.FAILURE)
                .timer().count()).isEqualTo(1);
    }

    @Test
    void filtersTagTheSpansAndPredicatesDeclineThemAsTheyWouldObservations() {
        ObservationFilter region = context -> context.addLowCardinalityKeyValue(KeyValue.of("region", "eu"));
        ObservationPredicate noEffects = (name, context) -> !name.equals("zerver.effects");
        TodoRoutes app = app(List.of(noEffects), List.of(region));

        assertThat(app.get("/todos/1").status()).isEqualTo(200);

        assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("GET /todos/:id", "zerver.step.load", "zerver.step.render");
        assertThat(span("zerver.step.load").getAttributes().get(AttributeKey.stringKey("region"))).isEqualTo("eu");
        assertThat(meters.get("zerver.steps").tag("step.name", "load").tag("region", "eu").timer().count())
                .isEqualTo(1);
        assertThat(meters.find("zerver.effects").timers()).isEmpty();
    }

    private SpanData span(String name) {
        List<SpanData> named = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as("spans named %s in %s", name, exported.getFinishedSpanItems()).hasSize(1);
        return named.get(0);
    }
}
