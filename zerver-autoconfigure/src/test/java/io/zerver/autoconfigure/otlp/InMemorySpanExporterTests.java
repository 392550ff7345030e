package io.zerver.autoconfigure.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.effects.compute.ComputeConfig;
import io.zerver.effects.compute.ComputeEffects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An embedded application with Spring Boot's OpenTelemetry starter and no collector: it
 * starts, exports nothing over the network, and its spans (WebFlux's server span, which is
 * the Zerver request's, and the steps under it) reach an exporter of its own, in memory, in
 * one trace with the client's traceparent.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.banner-mode=off", "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms" })
class InMemorySpanExporterTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        static final Slot<String> VALUE = Slot.of("value", String.class);

        @Bean
        ZerverRoutes routes() {
            // The step after the pause runs where the pause ended, on a compute thread, long
            // after the server's scope closed: its log line gets the trace ids from the request.
            Step after = Step.of("after_read", ctx -> {
                throw new IllegalStateException("kaboom after the read");
            });
            Step read = Step.named("read").writes(VALUE).continuesWith(after)
                    .run(ctx -> Decision.need(Effects.compute("pause", "x").into(VALUE)).then(after));
            return routes -> routes.get("/later", r -> r.steps(read))
                    .get("/todos/:id", r -> r.steps(
                    Step.of("check", ctx -> Decision.next()),
                    Step.of("show", ctx -> Decision.done(Response.text(200, ctx.param("id").orElseThrow())))))
                    .get("/boom", r -> r.steps(Step.of("boom", ctx -> {
                        throw new IllegalStateException("kaboom");
                    })));
        }

        /** A task that takes its time: what follows it runs on the compute thread. */
        @Bean
        ComputeEffects computeEffects() {
            return ComputeEffects.builder(ComputeConfig.defaults()).task("pause", String.class, (input, ctx) -> {
                Thread.sleep(100);
                return input;
            }).build();
        }

        @Bean
        KeptSpans collected() {
            return new KeptSpans();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KeptSpans collected;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void startsWithoutACollectorAndTracesZerverRequestsAsTheServerSpan() {
        assertThat(context.getBeanNamesForType(SpanExporter.class)).containsExactly("collected");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/todos/7").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(collected.spans)
                .extracting(SpanData::getName).contains("GET /todos/:id", "zerver.step.show", "zerver.step.check"));
        List<SpanData> trace = collected.spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        assertThat(trace).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("GET /todos/:id", "zerver.step.check", "zerver.step.show");
        Map<String, SpanData> byName = trace.stream()
                .collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
        SpanData request = byName.get("GET /todos/:id");
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(byName.get("zerver.step.check").getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(byName.get("zerver.step.show").getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(request.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey())
                .contains("http.route", "http.request.method", "http.response.status_code", "zerver.request.id",
                        "url.path", "error.type", "zerver.error.what");
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void failedRequestMarksItsServerSpanFailedButNotTheServerTimer() {
        String traceId = "6bf92f3577b34da6a3ce929d0e0e4711";
        long failedBefore = failedRequests();

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/boom").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isEqualTo(500);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(collected.spans)
                .filteredOn(s -> s.getTraceId().equals(traceId)).extracting(SpanData::getName)
                .contains("GET /boom", "zerver.step.boom"));
        SpanData request = collected.spans.stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals("GET /boom")).findFirst()
                .orElseThrow();
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failedRequests()).isEqualTo(failedBefore + 1);
        assertThat(meters.get("http.server.requests").tag("status", "500").timer().getId().getTag("error"))
                .isEqualTo("none");
    }

    /** The count of {@code zerver.requests} for /boom failed with the request's error (0 before the first). */
    private long failedRequests() {
        var timer = meters.find("zerver.requests").tag("http.route", "/boom").tag("error", "TimelineFailure").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void engineLogLinesCarryTheTraceId(CapturedOutput output) {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4799";

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/boom").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isEqualTo(500);

        assertThat(output.getAll().lines().filter(line -> line.contains("step 'boom' of request")))
                .singleElement().asString().contains(traceId);
    }

    @Test
    void engineLogLinesWrittenOnAnotherThreadAfterAnEffectCarryTheTraceId(CapturedOutput output) {
        String traceId = "8bf92f3577b34da6a3ce929d0e0e4733";

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/later").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isEqualTo(500);

        assertThat(output.getAll().lines().filter(line -> line.contains("step 'after_read' of request")))
                .anySatisfy(line -> assertThat(line).contains(traceId));
    }

    @Test
    void engineLogLinesOfAnUnsampledRequestWrittenAfterAnEffectCarryTheTraceIdToo(CapturedOutput output) {
        String traceId = "9bf92f3577b34da6a3ce929d0e0e4744";

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/later").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .exchange().expectStatus().isEqualTo(500);

        assertThat(output.getAll().lines().filter(line -> line.contains("step 'after_read' of request")))
                .anySatisfy(line -> assertThat(line).contains(traceId));
    }

    @Test
    void engineLogLinesOfAnUnsampledRequestCarryTheTraceIdToo(CapturedOutput output) {
        String traceId = "7bf92f3577b34da6a3ce929d0e0e4722";

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/boom").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .exchange().expectStatus().isEqualTo(500);

        assertThat(output.getAll().lines().filter(line -> line.contains("step 'boom' of request")))
                .singleElement().asString().contains(traceId);
    }
}
