package io.zerver.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's log lines about a request are written with the request's span in scope on
 * whatever thread writes them ({@link Timeline#log}), so that the tracer's log correlation
 * gives them its trace id: the span in the tracer's context is the request's while the line is
 * written, and only then.
 */
class LogCorrelationTests {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

    @AfterEach
    void close() {
        provider.close();
    }

    private ObservationTimelineObserver observer(boolean withTracer) {
        OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer))
                .observationHandler(new DefaultMeterObservationHandler(meters));
        ObservationTimelineObserver.Builder builder = ObservationTimelineObserver.builder(registry)
                .meterRegistry(meters, List.of(), List.of());
        return (withTracer ? builder.tracer(tracer) : builder).build();
    }

    private static Timeline started(ObservationTimelineObserver observer) {
        Timeline timeline = new Timeline("r1", "GET", "/x", System.nanoTime(), System.currentTimeMillis(), observer);
        timeline.route("/x");
        observer.onStart(timeline);
        return timeline;
    }

    /** The trace id in the tracer's context while {@code timeline} writes a line on another thread. */
    private static String traceIdSeenOnAnotherThread(Timeline timeline) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            AtomicReference<String> seen = new AtomicReference<>();
            timeline.log(() -> seen.set(Span.current().getSpanContext().getTraceId()));
            return seen.get();
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void writesTheLinesOfASampledRequestWithItsSpanInScopeOnAnyThread() throws Exception {
        Timeline timeline = started(observer(true));

        String seen = traceIdSeenOnAnotherThread(timeline);
        timeline.add(new TimelineEvent.Finished(1_000, 200));

        SpanData request = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals("GET /x")).findFirst()
                .orElseThrow();
        assertThat(seen).isEqualTo(request.getTraceId());
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void writesTheLinesOfAnUnsampledRequestWithItsTraceIdToo() throws Exception {
        provider.close();
        provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff())
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
        Timeline timeline = started(observer(true));

        String seen = traceIdSeenOnAnotherThread(timeline);
        timeline.add(new TimelineEvent.Finished(1_000, 200));

        assertThat(seen).isNotEqualTo("00000000000000000000000000000000").hasSize(32);
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void writesLinesAsTheyAreWithoutATracer() throws Exception {
        Timeline timeline = started(observer(false));

        String seen = traceIdSeenOnAnotherThread(timeline);

        assertThat(seen).isEqualTo("00000000000000000000000000000000");
    }
}
