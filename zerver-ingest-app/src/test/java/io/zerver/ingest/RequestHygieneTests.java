package io.zerver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the ingest answers itself (docs/deployment.md), on the wire: exact bytes on a raw socket, the exact status back, the engine's error
 * body, the connection closed, the rejection counted, and nothing forwarded over the link.
 */
@IngestTest
class RequestHygieneTests {

    private static final int MAX_BODY = 16 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    RecordingLinkClient link;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void resetLink() {
        link.reset();
    }

    @AfterEach
    void nothingWasForwarded() {
        assertThat(link.forwarded()).as("requests forwarded over the link").isEmpty();
    }

    @Test
    void rejectsControlCharacterInHeaderValue() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nX-Note: one\u0001two\r\n\r\n", 400,
                "invalid_header_character", "\"what\":\"header\"");
    }

    @Test
    void rejectsBareCarriageReturnInHeaderValue() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nX-Note: one\rtwo\r\n\r\n", 400, "invalid_header_character",
                "\"key\":\"invalid_character\"");
    }

    @Test
    void rejectsControlCharacterInHeaderName() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nX-No\u0007te: one\r\n\r\n", 400, "invalid_header_character",
                "\"what\":\"header\"");
    }

    @Test
    void rejectsDuplicateContentLength() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 400,
                "invalid_content_length", "\"what\":\"content_length\"");
    }

    @Test
    void rejectsConflictingContentLength() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400,
                "invalid_content_length", "\"what\":\"content_length\"");
    }

    @Test
    void rejectsCommaSeparatedContentLength() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello", 400,
                "invalid_content_length", "\"what\":\"content_length\"");
    }

    @Test
    void rejectsNonNumericContentLength() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", 400,
                "invalid_content_length", "\"what\":\"content_length\"");
    }

    @Test
    void rejectsContentLengthWithChunkedTransferEncodingAndCloses() throws IOException {
        // The smuggling shape: Netty alone would drop Content-Length and serve the chunked body.
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n", 400,
                "content_length_with_transfer_encoding", "\"key\":\"with_content_length\"");
    }

    @Test
    void rejectsChunkedTransferEncodingBeforeContentLengthAndCloses() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n"
                + "0\r\n\r\n", 400, "content_length_with_transfer_encoding", "\"what\":\"transfer_encoding\"");
    }

    @Test
    void rejectsContentLengthWithOtherTransferEncoding() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd", 400,
                "content_length_with_transfer_encoding", "\"what\":\"transfer_encoding\"");
    }

    @Test
    void answersUnknownTransferCodingWith501() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nabcd", 501,
                "unknown_transfer_coding", "\"key\":\"unsupported\"");
    }

    @Test
    void answersStackedTransferCodingsWith501() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
                "unknown_transfer_coding", "\"what\":\"transfer_encoding\"");
    }

    @Test
    void rejectsTransferEncodingOnHttp10() throws IOException {
        assertRejected("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
                "transfer_encoding_in_http_1_0", "\"key\":\"http_1_0\"");
    }

    @Test
    void answersTargetLongerThanTheLimitWith414() throws IOException {
        assertRejected("GET /" + "a".repeat(4096) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414, "uri_too_long",
                "\"what\":\"uri\"");
    }

    @Test
    void answersRequestLineFarLongerThanTheLimitWith414() throws IOException {
        assertRejected("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414, "uri_too_long",
                "\"key\":\"too_long\"");
    }

    @Test
    void answersHeaderBlockLargerThanTheLimitWith431() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(17 * 1024) + "\r\n\r\n", 431,
                "headers_too_large", "\"what\":\"headers\"");
    }

    @Test
    void answersMoreHeadersThanTheLimitWith431() throws IOException {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: a\r\n");
        for (int i = 0; i < 100; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        assertRejected(request.append("\r\n").toString(), 431, "too_many_headers", "\"key\":\"too_many\"");
    }

    @Test
    void rejectsTargetThatIsNotAPath() throws IOException {
        assertRejected("GET http://elsewhere/ HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_uri", "\"what\":\"uri\"");
    }

    @Test
    void rejectsTargetWithCharactersOutsideUris() throws IOException {
        assertRejected("GET /a|b{c} HTTP/1.1\r\nHost: a\r\n\r\n", 400, "invalid_uri", "\"key\":\"invalid\"");
    }

    /** Reactor Netty answered HTTP/2.0 itself: 400, no body, no request id, not counted. */
    @Test
    void answersAnHttp2RequestLineWith505() throws IOException {
        assertRejected("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, "unsupported_version",
                "\"what\":\"version\",\"key\":\"unsupported\"");
    }

    /** Netty parses any HTTP/x.y: without the check it went on, and its answer came back as HTTP/3.0. */
    @Test
    void answersAnUnknownHttpVersionWith505() throws IOException {
        assertRejected("GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505, "unsupported_version", "\"what\":\"version\"");
        assertRejected("GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505, "unsupported_version", "\"what\":\"version\"");
    }

    @Test
    void rejectsHttp11RequestWithoutHost() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nX-A: b\r\n\r\n", 400, "invalid_host", "\"what\":\"host\"");
    }

    @Test
    void rejectsAMalformedHost() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: a/b%zz\r\n\r\n", 400, "invalid_host", "\"key\":\"invalid\"");
    }

    @Test
    void rejectsMalformedChunkFraming() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                400, "malformed", "\"what\":\"request\"");
    }

    @Test
    void answersDeclaredBodyOverTheLimitWith413BeforeItIsSent() throws IOException {
        try (RawHttp client = new RawHttp(port)) {
            double before = rejections("body_too_large");
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.bodyText()).contains("\"kind\":\"PayloadTooLarge\"");
            assertThat(client.closedByServer()).isTrue();
            assertThat(rejections("body_too_large")).isEqualTo(before + 1);
        }
    }

    @Test
    void clientStillSendingARefusedBodyReadsThe413() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
            CompletableFuture<Void> sending = inBackground(() -> writeQuietly(client.output(),
                    MAX_BODY + 1));
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(413);
            assertThat(client.closedByServer()).isTrue();
            sending.join();
        }
    }

    @Test
    void stopsReadingChunkedBodyAtTheLimitWith413() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            double before = rejections("body_too_large");
            client.send("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
            CompletableFuture<Void> sending = inBackground(() -> {
                byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int sent = 0; sent <= MAX_BODY + 0x10000; sent += 0x10000) {
                        client.output().write(chunk);
                    }
                } catch (IOException closedOnUs) {
                    // the server stopped reading: expected
                }
            });
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(413);
            assertThat(client.closedByServer()).isTrue();
            assertThat(rejections("body_too_large")).isEqualTo(before + 1);
            sending.join();
        }
    }

    @Test
    void cutsAHeadThatArrivesTooSlowlyWith408() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            double before = rejections("read_timeout");
            long start = System.nanoTime();
            client.send("GET / HTTP/1.1\r\nHost: a\r\n");
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(408);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 3000L);
            assertThat(client.closedByServer()).isTrue();
            assertThat(rejections("read_timeout")).isEqualTo(before + 1);
        }
    }

    @Test
    void cutsAHeadTrickledByteByByteWith408() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            String head = "GET / HTTP/1.1\r\nHost: a\r\nX-Slow: " + "s".repeat(100) + "\r\n\r\n";
            CompletableFuture<Void> trickle = inBackground(() -> {
                try {
                    for (byte b : head.getBytes(StandardCharsets.US_ASCII)) {
                        client.output().write(b);
                        client.output().flush();
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException closedOnUs) {
                    // cut by the server: expected
                }
            });
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(408);
            client.close();
            trickle.join();
        }
    }

    @Test
    void cutsABodyThatStopsArrivingWith408() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello");
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.bodyText()).contains("\"key\":\"read_timeout\"");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void keepsTheClientsWellFormedRequestIdOnARejection() throws IOException {
        try (RawHttp client = new RawHttp(port)) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Request-Id: abc-123\r\nX-Bad: \u0001\r\n\r\n");
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.header("X-Request-Id")).isEqualTo("abc-123");
            assertThat(reply.bodyText()).contains("\"requestId\":\"abc-123\"");
        }
    }

    private void assertRejected(String request, int status, String reason, String bodyPart) throws IOException {
        double before = rejections(reason);
        try (RawHttp client = new RawHttp(port)) {
            client.send(request);
            RawHttp.Reply reply = client.readResponse();
            assertThat(reply.status()).as(reply.head()).isEqualTo(status);
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
            assertThat(reply.header("Connection")).isEqualTo("close");
            String id = reply.header("X-Request-Id");
            assertThat(id).hasSize(22);
            assertThat(reply.bodyText()).startsWith("{\"error\":{\"kind\":\"").contains(bodyPart)
                    .endsWith("\"requestId\":\"" + id + "\"}}");
            assertThat(client.closedByServer()).as("connection closed").isTrue();
        }
        assertThat(rejections(reason)).as("rejections{reason=%s}", reason).isEqualTo(before + 1);
    }

    /** On a thread of its own: the common pool may be one thread on a small machine. */
    private static CompletableFuture<Void> inBackground(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        }, "raw-client-writer");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private double rejections(String reason) {
        return registry.get("zerver.ingest.rejections").tag("reason", reason).counter().count();
    }

    private static void writeQuietly(OutputStream out, int bytes) {
        byte[] block = new byte[64 * 1024];
        try {
            for (int sent = 0; sent < bytes; sent += block.length) {
                out.write(block, 0, Math.min(block.length, bytes - sent));
            }
            out.flush();
        } catch (IOException closedOnUs) {
            // the server refused the body and closed after lingering: expected for some clients
        }
    }
}
