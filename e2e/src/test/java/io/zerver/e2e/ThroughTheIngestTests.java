package io.zerver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The two apps as processes: every request enters the ingest over HTTP, crosses the socket and
 * runs in the supervisor's features.
 */
class ThroughTheIngestTests {

    private static TwoProcesses apps;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        apps = TwoProcesses.start();
        http = WebTestClient.bindToServer().baseUrl(apps.ingestUrl()).responseTimeout(Duration.ofSeconds(30))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        apps.close();
    }

    @Test
    void walksTheTodosContract() {
        http.get().uri("/todos").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.what").isEqualTo("auth").jsonPath("$.error.key").isEqualTo("missing_user");
        String location = http.post().uri("/todos").header("X-User-ID", "ada").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"cross the link\",\"done\":false}").exchange()
                .expectStatus().isCreated().expectHeader().exists("Location")
                .returnResult(String.class).getResponseHeaders().getFirst("Location");
        http.get().uri(location).header("X-User-ID", "ada").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("cross the link");
        http.get().uri(location).header("X-User-ID", "bob").exchange().expectStatus().isNotFound();
        http.patch().uri(location).header("X-User-ID", "ada").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"done\":true}").exchange().expectStatus().isOk().expectBody().jsonPath("$.done").isEqualTo(true);
        http.post().uri("/todos").header("X-User-ID", "ada").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":").exchange().expectStatus().isBadRequest();
        http.post().uri("/todos").header("X-User-ID", "ada").header("Idempotency-Key", "e2e-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"once\"}").exchange().expectStatus().isCreated();
        http.post().uri("/todos").header("X-User-ID", "ada").header("Idempotency-Key", "e2e-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"once\"}").exchange().expectStatus().isCreated();
        http.post().uri("/todos").header("X-User-ID", "ada").header("Idempotency-Key", "e2e-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"twice\"}").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.kind").isEqualTo("UnprocessableContent")
                .jsonPath("$.error.key").isEqualTo("key_reused");
        http.get().uri("/todos").header("X-User-ID", "ada").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.title == 'once')]").value(v -> assertThat((java.util.List<?>) v).hasSize(1));
        http.delete().uri(location).header("X-User-ID", "ada").exchange().expectStatus().isNoContent();
        http.delete().uri(location).header("X-User-ID", "ada").exchange().expectStatus().isNotFound();
    }

    @Test
    void servesTheBlogApiAndPagesWithUserContentEscaped() {
        String post = http.post().uri("/blogs/api/posts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"<script>alert(1)</script>\",\"content\":\"body\",\"author\":\"ada\"}")
                .exchange().expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getFirst("Location");
        http.post().uri(post + "/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"author\":\"bob\",\"content\":\"nice\"}").exchange().expectStatus().isCreated();
        http.post().uri("/blogs/api/posts/no-such-post/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"author\":\"bob\",\"content\":\"nice\"}").exchange().expectStatus().isNotFound();

        String page = http.get().uri("/blogs/list").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        http.delete().uri(post).exchange().expectStatus().isNoContent();
        http.get().uri(post + "/comments").exchange().expectStatus().isNotFound();
    }

    @Test
    void carriesABodyOfAlmostSixteenMebibytesIntactBothWays() {
        byte[] body = new byte[16 * 1024 * 1024 - 64 * 1024];
        new Random(7).nextBytes(body);

        byte[] echoed = http.post().uri("/zerver/echo").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(Arrays.equals(echoed, body)).isTrue();
    }

    @Test
    void refusesABodyOverSixteenMebibytesWith413() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", apps.ingestPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /zerver/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (16 * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();

            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void answersASmuggledRequestWith400AndForwardsNothing() throws IOException {
        String smuggled = "{\"title\":\"smuggled\"}";
        try (Socket socket = new Socket("127.0.0.1", apps.ingestPort)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /todos HTTP/1.1\r\nHost: x\r\nX-User-ID: eve\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + smuggled.length() + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled
                    + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            InputStream in = socket.getInputStream();
            assertThat(statusLine(in)).startsWith("HTTP/1.1 400");
            assertThat(drain(in)).as("the connection is closed after the 400").isTrue();
        }
        http.get().uri("/todos").header("X-User-ID", "eve").exchange().expectStatus().isOk()
                .expectBody(String.class).value(list -> assertThat(list).doesNotContain("smuggled"));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badRequests() {
        String body = "{\"title\":\"must not exist\"}";
        String head = "POST /todos HTTP/1.1\r\nHost: x\r\nX-User-ID: mallory\r\nContent-Type: application/json\r\n";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("control character in a header value", 400,
                        head + "X-Note: a\u0001b\r\nContent-Length: " + body.length() + "\r\n\r\n" + body),
                org.junit.jupiter.params.provider.Arguments.of("two Content-Length headers", 400,
                        head + "Content-Length: " + body.length() + "\r\nContent-Length: " + body.length()
                                + "\r\n\r\n" + body),
                org.junit.jupiter.params.provider.Arguments.of("comma-separated Content-Length", 400,
                        head + "Content-Length: " + body.length() + ", " + body.length() + "\r\n\r\n" + body),
                org.junit.jupiter.params.provider.Arguments.of("unknown transfer coding", 501,
                        head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + Integer.toHexString(body.length())
                                + "\r\n" + body + "\r\n0\r\n\r\n"),
                org.junit.jupiter.params.provider.Arguments.of("URI too long", 414,
                        "POST /todos?" + "q".repeat(9000) + " HTTP/1.1\r\nHost: x\r\nX-User-ID: mallory\r\n"
                                + "Content-Length: " + body.length() + "\r\n\r\n" + body),
                org.junit.jupiter.params.provider.Arguments.of("headers too large", 431,
                        head + "X-Big: " + "h".repeat(20_000) + "\r\nContent-Length: " + body.length() + "\r\n\r\n"
                                + body));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.MethodSource("badRequests")
    void answersABadRequestAtTheIngestAndForwardsNothing(String what, int status, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", apps.ingestPort)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));

            assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 " + status);
        }
        http.get().uri("/todos").header("X-User-ID", "mallory").exchange().expectStatus().isOk()
                .expectBody(String.class).value(list -> assertThat(list).isEqualTo("[]"));
    }

    @Test
    void replacesAMalformedRequestIdAndKeepsAWellFormedOne() {
        String replaced = http.get().uri("/todos").header("X-Request-Id", "bad id {with} spaces").header("X-User-ID", "ada")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        String kept = http.get().uri("/todos").header("X-Request-Id", "e2e-request-1").header("X-User-ID", "ada")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(replaced).isNotBlank().doesNotContain("bad");
        assertThat(kept).isEqualTo("e2e-request-1");
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).trim();
    }

    /** Reads to the end; true when the peer closed the connection. */
    private static boolean drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) != -1) {
            // discard the rest of the response
        }
        return true;
    }
}
