package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.zerver.ipc.Header;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import io.zerver.supervisor.link.SupervisorLinkHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The supervisor traces what the ingest forwards: the request's span is a server span that
 * continues the client's {@code traceparent} (forwarded as a header), named after the route,
 * with the steps under it, exported through the application's exporter; the engine's log lines
 * carry the trace id, and {@code zerver.link.requests} times every forwarded request.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms", "management.server.port=0" })
@Import(SupervisorTracingTests.Exporter.class)
class SupervisorTracingTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BOOM = """
            package test.boom;

            import io.zerver.core.route.ZerverRoutes;
            import io.zerver.core.step.Step;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;

            @Configuration(proxyBeanMethods = false)
            public class BoomFeature {

                @Bean
                ZerverRoutes boomRoutes() {
                    return routes -> routes.get("/boom", r -> r.steps(Step.of("explode", ctx -> {
                        throw new IllegalStateException("kaboom");
                    })));
                }
            }
            """;

    @DynamicPropertySource
    static void features(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("supervisor-tracing");
        Path dir = Files.createDirectories(root.resolve("features"));
        FeatureJars.greeting(dir.resolve("hello.jar"), "hello", "hello", false);
        FeatureJars.compile(dir.resolve("boom.jar"), "boom", "1", "test.boom.BoomFeature",
                Map.of("test.boom.BoomFeature", BOOM));
        registry.add("zerver.features.dir", dir::toString);
        registry.add("zerver.data.dir", () -> root.resolve("data").toString());
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "zt").resolve("link.sock");
        socket.getParent().toFile().deleteOnExit();
        registry.add("zerver.ipc.socket", socket::toString);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Exporter {

        @Bean
        KeptSpans keptSpans() {
            return new KeptSpans();
        }
    }

    @Autowired
    SupervisorLinkHandler handler;

    @Autowired
    KeptSpans exported;

    @Autowired
    MeterRegistry meters;

    @Test
    void continuesTheForwardedTraceparentAsTheRequestsServerSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        ResponseFrame answer = response(handler.handle(request(1, "/hello",
                new Header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))));

        assertThat(answer.status()).isEqualTo(200);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(exported.spans)
                .filteredOn(s -> s.getTraceId().equals(traceId)).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("GET /hello", "zerver.step.greet"));
        SpanData request = span(traceId, "GET /hello");
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(request.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey())
                .contains("http.route", "zerver.request.id");
        assertThat(span(traceId, "zerver.step.greet").getParentSpanId()).isEqualTo(request.getSpanId());
    }

    @Test
    void marksTheSpanOfAFailedRequestFailedAndTimesItByOutcome() {
        String traceId = "6bf92f3577b34da6a3ce929d0e0e4711";
        long failedBefore = linkRequests("SERVER_ERROR");

        ResponseFrame answer = response(handler.handle(request(2, "/boom",
                new Header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))));

        assertThat(answer.status()).isEqualTo(500);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(exported.spans)
                .filteredOn(s -> s.getTraceId().equals(traceId)).extracting(SpanData::getName)
                .contains("GET /boom"));
        assertThat(span(traceId, "GET /boom").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(linkRequests("SERVER_ERROR")).isEqualTo(failedBefore + 1);
    }

    @Test
    void engineLogLinesOfAnUnsampledForwardedRequestCarryItsTraceId(CapturedOutput output) {
        String traceId = "7bf92f3577b34da6a3ce929d0e0e4722";

        ResponseFrame answer = response(handler.handle(request(3, "/boom",
                new Header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00"))));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(output.getAll().lines().filter(line -> line.contains("step 'explode' of request")))
                .anySatisfy(line -> assertThat(line).contains(traceId));
        assertThat(exported.spans).noneSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(traceId));
    }

    private SpanData span(String traceId, String name) {
        return exported.spans.stream().filter(s -> s.getTraceId().equals(traceId) && s.getName().equals(name))
                .findFirst().orElseThrow();
    }

    private long linkRequests(String outcome) {
        Timer timer = meters.find("zerver.link.requests").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private static RequestFrame request(long id, String target, Header... headers) {
        long now = System.currentTimeMillis();
        return new RequestFrame(id, "GET", target, List.of(headers), new byte[0], new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000),
                Instant.ofEpochMilli(now), Instant.ofEpochMilli(now + 5_000));
    }

    private static ResponseFrame response(reactor.core.publisher.Mono<Reply> reply) {
        Reply r = reply.block(WAIT);
        assertThat(r).isInstanceOf(ResponseFrame.class);
        return (ResponseFrame) r;
    }

    /** A real span exporter that keeps what it is given. */
    static final class KeptSpans implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
