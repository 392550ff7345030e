package io.zerver.autoconfigure.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The children of a sampled embedded request, with Spring Boot's OpenTelemetry starter and
 * a real exporter in memory: steps and effect attempts are spans under WebFlux's server span
 * with the names, kinds, attributes and error status of docs/observability.md, and their timers are
 * recorded once each, whether they are made directly through the tracer (the default) or
 * as observations seen by every handler ({@code zerver.tracing.observe-children=true}).
 */
@SpringBootTest(classes = SampledChildSpansTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.banner-mode=off", "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms" })
class SampledChildSpansTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ZerverRoutes routes() {
            return routes -> routes.get("/stock/:sku", r -> r.steps(
                    Step.of("check", ctx -> Decision.need(
                            Effects.cacheSet("stock:" + ctx.param("sku").orElseThrow(), "12", Duration.ofMinutes(1)))),
                    Step.of("show", ctx -> Decision.done(Response.text(200, ctx.param("sku").orElseThrow())))))
                    .get("/broken", r -> r.steps(Step.of("broken", ctx -> {
                        throw new IllegalStateException("kaboom");
                    })));
        }

        @Bean
        KeptSpans exported() {
            return new KeptSpans();
        }

        @Bean
        StepObservations stepObservations() {
            return new StepObservations();
        }
    }

    /** An application's own handler: counts the step observations it is shown. */
    static final class StepObservations implements ObservationHandler<Observation.Context> {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            if (context.getName().equals("zerver.steps")) {
                seen.add(String.valueOf(context.getContextualName()));
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KeptSpans exported;

    @Autowired
    StepObservations stepObservations;

    @Autowired
    MeterRegistry meters;

    @Test
    void stepsAndEffectsOfASampledRequestAreSpansUnderTheServerSpanAndTimedOnce() {
        Map<String, SpanData> byName = childrenOfAStockRequest("4bf92f3577b34da6a3ce929d0e0e4701");
        assertThat(byName.get("GET /stock/:sku").getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(stepObservations.seen).isEmpty();
    }

    @Test
    void aStepThatThrowsMarksItsSpanFailedAndIsTimedOnceAsFailed() {
        failedStepOfABrokenRequest("4bf92f3577b34da6a3ce929d0e0e4702");
    }

    /**
     * The old way, for handlers of an application's own: the same children and timers (the
     * request is then a span of its own under WebFlux's, as before).
     */
    @Nested
    @TestPropertySource(properties = "zerver.tracing.observe-children=true")
    class ObservedChildren {

        @Test
        void stepsAndEffectsAreTheSameSpansAndTimersAndEveryHandlerSeesTheSteps() {
            childrenOfAStockRequest("4bf92f3577b34da6a3ce929d0e0e4703");
            assertThat(stepObservations.seen).contains("zerver.step.check", "zerver.step.show");
        }

        @Test
        void aStepThatThrowsIsTheSameFailedSpanAndFailedTimer() {
            failedStepOfABrokenRequest("4bf92f3577b34da6a3ce929d0e0e4704");
        }
    }

    private Map<String, SpanData> childrenOfAStockRequest(String traceId) {
        long checksBefore = count("zerver.steps", "step.name", "check", "none");
        long cacheSetsBefore = count("zerver.effects", "effect.kind", "cache.set", "none");

        get("/stock/a1", traceId).expectStatus().isOk();

        Map<String, SpanData> byName = trace(traceId, "GET /stock/:sku", "zerver.step.check",
                "zerver.effect.cache.set", "zerver.step.show");
        SpanData server = byName.get("GET /stock/:sku");
        SpanData check = byName.get("zerver.step.check");
        assertThat(check.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(check.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(check.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        assertThat(check.getAttributes().get(AttributeKey.stringKey("step.name"))).isEqualTo("check");
        assertThat(check.getAttributes().get(AttributeKey.stringKey("step.sequence"))).isEqualTo("1");
        assertThat(check.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey())
                .contains("step.layer", "step.outcome", "error.type");
        assertThat(check.getStartEpochNanos()).isGreaterThanOrEqualTo(server.getStartEpochNanos());
        assertThat(check.getEndEpochNanos()).isLessThanOrEqualTo(byName.get("zerver.step.show").getStartEpochNanos());
        SpanData show = byName.get("zerver.step.show");
        assertThat(show.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(show.getAttributes().get(AttributeKey.stringKey("step.sequence"))).isEqualTo("2");
        SpanData cacheSet = byName.get("zerver.effect.cache.set");
        assertThat(cacheSet.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(cacheSet.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(cacheSet.getAttributes().get(AttributeKey.stringKey("effect.kind"))).isEqualTo("cache.set");
        assertThat(cacheSet.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey())
                .contains("effect.target", "effect.required", "effect.success", "effect.attempts", "cache.key");
        assertThat(count("zerver.steps", "step.name", "check", "none")).isEqualTo(checksBefore + 1);
        assertThat(count("zerver.effects", "effect.kind", "cache.set", "none")).isEqualTo(cacheSetsBefore + 1);
        return byName;
    }

    private void failedStepOfABrokenRequest(String traceId) {
        long failedBefore = count("zerver.steps", "step.name", "broken", "TimelineFailure");
        long passedBefore = count("zerver.steps", "step.name", "broken", "none");

        get("/broken", traceId).expectStatus().isEqualTo(500);

        Map<String, SpanData> byName = trace(traceId, "GET /broken", "zerver.step.broken");
        SpanData broken = byName.get("zerver.step.broken");
        assertThat(broken.getParentSpanId()).isEqualTo(byName.get("GET /broken").getSpanId());
        assertThat(broken.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(broken.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
        assertThat(broken.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(count("zerver.steps", "step.name", "broken", "TimelineFailure")).isEqualTo(failedBefore + 1);
        assertThat(count("zerver.steps", "step.name", "broken", "none")).isEqualTo(passedBefore);
    }

    private WebTestClient.ResponseSpec get(String path, String traceId) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri(path).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange();
    }

    /**
     * Zerver's spans of {@code traceId} by name, once all of {@code names} are exported (each
     * exactly once); WebFlux's own server span is left out when it is not the request's.
     */
    private Map<String, SpanData> trace(String traceId, String... names) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exported.spans)
                .filteredOn(s -> s.getTraceId().equals(traceId)).extracting(SpanData::getName).contains(names));
        List<SpanData> trace = exported.spans.stream().filter(s -> s.getTraceId().equals(traceId))
                .filter(s -> s.getName().startsWith("zerver.") || s.getName().startsWith("GET /")).toList();
        assertThat(trace).extracting(SpanData::getName).containsExactlyInAnyOrder(names);
        return trace.stream().collect(Collectors.toMap(SpanData::getName, Function.identity()));
    }

    /** The count of {@code name}'s timer tagged {@code key=value} and {@code error}, 0 when there is none yet. */
    private long count(String name, String key, String value, String error) {
        Timer timer = meters.find(name).tag(key, value).tag("error", error).timer();
        return timer == null ? 0 : timer.count();
    }
}
