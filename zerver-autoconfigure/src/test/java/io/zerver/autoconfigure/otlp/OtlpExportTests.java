package io.zerver.autoconfigure.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.http.Response;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The copy-paste set-up of docs/observability.md: Spring Boot's OpenTelemetry starter and
 * {@code management.opentelemetry.tracing.export.otlp.endpoint}. Zerver's spans reach a real
 * OTLP/HTTP receiver on 127.0.0.1, in the client's trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.banner-mode=off", "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=50ms" })
class OtlpExportTests {

    static final OtlpReceiver RECEIVER = new OtlpReceiver();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", () -> dataDir.toString());
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", RECEIVER::endpoint);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ZerverRoutes routes() {
            return routes -> routes.get("/orders/:id", r -> r.steps(
                    Step.of("ship", ctx -> Decision.done(Response.text(200, "shipped")))));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void exportsZerverSpansOverOtlpInTheClientsTrace() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/orders/9").header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .exchange().expectStatus().isOk();

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(RECEIVER.received("GET /orders/:id".getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(RECEIVER.received("zerver.step.ship".getBytes(StandardCharsets.UTF_8))).isTrue();
        });
        assertThat(RECEIVER.received(HexFormat.of().parseHex(traceId))).isTrue();
    }
}
