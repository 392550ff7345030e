package io.zerver.autoconfigure.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** A plain WebFlux application with a controller, and Zerver routes next to it, on a real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "zerver.limits.max-body-size=1KB", "spring.main.banner-mode=off",
                "zerver.debug.routes=GET /todos/{id}" })
class EmbeddedWebFluxTests {

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
            return routes -> routes
                    .get("/todos/:id", r -> r.steps(Step.of("show", ctx -> Decision.done(Response.json(200,
                            Json.write(Map.of("id", ctx.param("id").orElseThrow())))))))
                    .post("/echo", r -> r.steps(Step.of("echo", ctx ->
                            Decision.done(Response.json(200, Json.write(ctx.json()))))))
                    .get("/shared/zerver", r -> r.steps(Step.of("mine", ctx ->
                            Decision.done(Response.text(200, "zerver")))));
        }

        @Bean
        Greetings greetings() {
            return new Greetings();
        }
    }

    @RestController
    static class Greetings {

        @GetMapping("/hello/{name}")
        String hello(@PathVariable String name) {
            return "hello " + name;
        }

        @GetMapping("/shared/controller")
        String shared() {
            return "controller";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void servesZerverRoutesWithRequestIds() {
        client.get().uri("/todos/42").exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody().json("{\"id\":\"42\"}");
    }

    @Test
    void debugRouteAnswersWithItsTimelineInAHeader() {
        client.get().uri("/todos/42").exchange()
                .expectStatus().isOk()
                .expectHeader().value(Engine.TIMELINE_HEADER, timeline -> {
                    Map<?, ?> json = (Map<?, ?>) Json.parse(timeline, 16);
                    assertThat(json.get("route")).isEqualTo("/todos/:id");
                    assertThat(json.get("path")).isEqualTo("/todos/42");
                    assertThat(json.get("status")).isEqualTo(200L);
                });
        client.get().uri("/shared/zerver").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(Engine.TIMELINE_HEADER);
    }

    @Test
    void leavesTheApplicationsControllersAlone() {
        client.get().uri("/hello/ann").exchange().expectStatus().isOk().expectBody(String.class)
                .isEqualTo("hello ann");
        client.get().uri("/shared/controller").exchange().expectBody(String.class).isEqualTo("controller");
        client.get().uri("/shared/zerver").exchange().expectBody(String.class).isEqualTo("zerver");
    }

    @Test
    void unknownPathsFallThroughToWebFlux() {
        client.get().uri("/nothing/here").exchange().expectStatus().isNotFound()
                .expectHeader().doesNotExist("X-Request-Id");
    }

    @Test
    void wrongMethodOnAZerverRouteIs405WithAllow() {
        client.delete().uri("/todos/1").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueMatches("Allow", ".*GET.*");
    }

    @Test
    void echoesJsonAndRejectsMalformedJson() {
        client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":[1,2]}").exchange()
                .expectStatus().isOk().expectBody().json("{\"a\":[1,2]}");
        client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.kind").isEqualTo("InvalidInput")
                .jsonPath("$.error.key").isEqualTo("malformed");
    }

    @Test
    void oversizedBodyIs413() {
        client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + "1,".repeat(1000) + "1]").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.error.kind").isEqualTo("PayloadTooLarge");
    }

    @Test
    void declaredOversizedBodyIsAnsweredByTheEngineWithAZerverRequestIdAndTimed() {
        long before = zerverRequestsAnswered413();

        String id = client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + "1,".repeat(1000) + "1]").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("Connection", "close")
                .returnResult(Void.class).getResponseHeaders().getFirst(Engine.REQUEST_ID_HEADER);

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(zerverRequestsAnswered413()).isEqualTo(before + 1);
    }

    @Test
    void streamedOversizedBodyIsAnsweredByTheEngineWithAZerverRequestIdAndTimed() {
        long before = zerverRequestsAnswered413();
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                "1".repeat(512).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        String id = client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("Connection", "close")
                .returnResult(Void.class).getResponseHeaders().getFirst(Engine.REQUEST_ID_HEADER);

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(zerverRequestsAnswered413()).isEqualTo(before + 1);
    }

    @Test
    void oversizedBodyKeepsTheClientsWellFormedRequestId() {
        client.post().uri("/echo").header(Engine.REQUEST_ID_HEADER, "client-id.7")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[" + "1,".repeat(1000) + "1]").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals(Engine.REQUEST_ID_HEADER, "client-id.7");
    }

    /** The requests {@code zerver.requests} timed with status 413 so far. */
    private long zerverRequestsAnswered413() {
        return meters.find("zerver.requests").tag("http.response.status_code", "413").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @Test
    void aClientSendingAHugeDeclaredBodyReadsThe413() throws Exception {
        String head = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + (32 * 1024 * 1024) + "\r\n\r\n";

        assertThat(sendAllThenReadStatus(head, 32 * 1024 * 1024, false)).startsWith("HTTP/1.1 413");
    }

    @Test
    void aClientStreamingAHugeChunkedBodyReadsThe413() throws Exception {
        String head = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";

        assertThat(sendAllThenReadStatus(head, 32 * 1024 * 1024, true)).startsWith("HTTP/1.1 413");
    }

    /**
     * Like a simple client: writes the head and the whole body ({@code bodyBytes}, as 64 KiB
     * chunks when chunked), and only then reads the status line. A server that stops reading
     * and closes leaves this client with a reset instead of an answer.
     */
    private String sendAllThenReadStatus(String head, int bodyBytes, boolean chunked) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) '1');
            for (int sent = 0; sent < bodyBytes; sent += block.length) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString().trim();
        }
    }
}
