package io.zerver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Header;
import io.zerver.ipc.Reply;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The normal path: what crosses the link, and what the client gets back, over real sockets. */
@IngestTest
class ForwardingTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordingLinkClient link;

    @Autowired
    MeterRegistry registry;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        link.reset();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void forwardsMethodRawTargetHeadersInOrderAndClientAddress() throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            long before = System.currentTimeMillis();
            raw.send("GET /todos?limit=2&q=a%20b HTTP/1.1\r\nHost: a\r\nX-B: 1\r\nX-A: 2\r\nX-B: 3\r\n"
                    + "Connection: keep-alive\r\n\r\n");
            RawHttp.Reply reply = raw.readResponse();
            long after = System.currentTimeMillis();

            assertThat(reply.status()).isEqualTo(200);
            RequestFrame frame = link.forwarded().get(0);
            assertThat(frame.method()).isEqualTo("GET");
            assertThat(frame.target()).isEqualTo("/todos?limit=2&q=a%20b");
            String id = reply.header("X-Request-Id");
            assertThat(frame.headers()).containsExactly(new Header("Host", "a"), new Header("X-B", "1"),
                    new Header("X-A", "2"), new Header("X-B", "3"), new Header("X-Request-Id", id));
            assertThat(frame.body()).isEmpty();
            assertThat(frame.clientAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(frame.clientAddress().getPort()).isEqualTo(raw.localPort());
            assertThat(frame.arrival().toEpochMilli()).isBetween(before, after);
            assertThat(Duration.between(frame.arrival(), frame.deadline()).toMillis()).isBetween(29_999L, 30_000L);
        }
    }

    @Test
    void writesBackTheSupervisorsStatusHeadersAndBody() {
        link.answer(request -> Mono.just(new ResponseFrame(request.id(), 201, List.of(
                new Header("Location", "/todos/7"), new Header("Set-Cookie", "a=1"), new Header("Set-Cookie", "b=2"),
                new Header("Connection", "close"), new Header("Content-Length", "999")),
                "created".getBytes(StandardCharsets.UTF_8), 10)));

        client.post().uri("/todos").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(201)
                .expectHeader().valueEquals("Location", "/todos/7")
                .expectHeader().valueEquals("Set-Cookie", "a=1", "b=2")
                .expectHeader().contentLength(7)
                .expectHeader().doesNotExist("Connection")
                .expectBody(String.class).isEqualTo("created");
    }

    @Test
    void forwardsAOneMebibyteBodyIntact() {
        byte[] body = new byte[1024 * 1024];
        new Random(42).nextBytes(body);

        byte[] echoed = client.post().uri("/upload").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(link.forwarded()).hasSize(1);
        assertThat(link.forwarded().get(0).body()).isEqualTo(body);
        assertThat(echoed).isEqualTo(body);
    }

    @Test
    void forwardsAChunkedBodyAsItsBytesWithoutTransferEncoding() throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /notes HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTE: trailers\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            assertThat(raw.readResponse().bodyText()).isEqualTo("hello world");
        }
        RequestFrame frame = link.forwarded().get(0);
        assertThat(new String(frame.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(frame.headers()).extracting(Header::name).containsExactly("Host", "X-Request-Id");
    }

    @Test
    void answersExpectContinueThenForwards() throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /notes HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.readResponse().status()).isEqualTo(100);
            raw.send("hello");
            assertThat(raw.readResponse().bodyText()).isEqualTo("hello");
        }
        assertThat(link.forwarded().get(0).headers()).extracting(Header::name).doesNotContain("Expect");
    }

    @Test
    void keepsAWellFormedRequestId() {
        client.get().uri("/").header("X-Request-Id", "trace-1.a:b_c").exchange()
                .expectHeader().valueEquals("X-Request-Id", "trace-1.a:b_c");

        assertThat(link.forwarded().get(0).headers()).contains(new Header("X-Request-Id", "trace-1.a:b_c"));
    }

    @Test
    void replacesAMalformedRequestIdWithAGeneratedOne() {
        String answered = client.get().uri("/").header("X-Request-Id", "not ok!").exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(answered).hasSize(22).matches("[A-Za-z0-9_-]+");
        List<Header> ids = link.forwarded().get(0).headers().stream()
                .filter(h -> h.name().equalsIgnoreCase("X-Request-Id")).toList();
        assertThat(ids).containsExactly(new Header("X-Request-Id", answered));
    }

    @Test
    void replacesRepeatedRequestIds() {
        client.get().uri("/").header("X-Request-Id", "one", "two").exchange().expectStatus().isOk();

        List<Header> ids = link.forwarded().get(0).headers().stream()
                .filter(h -> h.name().equalsIgnoreCase("X-Request-Id")).toList();
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0).value()).hasSize(22);
    }

    @ParameterizedTest
    @CsvSource({ "1500, 1500", "60000, 30000", "abc, 30000", "0, 30000" })
    void aShorterRequestTimeoutHeaderShortensTheDeadline(String header, long expectedMillis) {
        client.get().uri("/").header("X-Request-Timeout", header).exchange().expectStatus().isOk();

        RequestFrame frame = link.forwarded().get(0);
        assertThat(Duration.between(frame.arrival(), frame.deadline()).toMillis()).isBetween(expectedMillis - 1,
                expectedMillis);
    }

    @ParameterizedTest
    @CsvSource({ "TIMEOUT, 504, Timeout", "ROUTE_NOT_FOUND, 404, NotFound", "OVERLOADED, 503, Overloaded",
        "FEATURE_CRASH, 502, UpstreamUnavailable", "INTERNAL, 500, Internal", "PROTOCOL, 502, UpstreamUnavailable" })
    void mapsErrorFramesToStatuses(ErrorCode code, int status, String kind) {
        link.answer(request -> Mono.just(new ErrorFrame(request.id(), code, "because")));

        var result = client.get().uri("/x").header("X-Request-Id", "err-1").exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().valueEquals("X-Request-Id", "err-1")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).startsWith("{\"error\":{\"kind\":\"" + kind + "\"")
                .endsWith("\"requestId\":\"err-1\"}}");
        assertThat(result.getResponseHeaders().getFirst("Retry-After"))
                .isEqualTo(code == ErrorCode.OVERLOADED ? "1" : null);
    }

    @Test
    void answers502AtOnceWhenTheLinkIsDown() throws IOException {
        link.connected(false);
        try (RawHttp raw = new RawHttp(port)) {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                raw.send("GET /todos HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttp.Reply reply = raw.readResponse();
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertThat(reply.status()).isEqualTo(502);
                assertThat(reply.bodyText()).contains("\"kind\":\"UpstreamUnavailable\"", "\"key\":\"unavailable\"");
                assertThat(millis).isLessThan(100);
            }
        }
    }

    @Test
    void answers504AtTheDeadlineAndCancelsTheExchange() throws IOException {
        double deadlines = latencyCount("deadline");
        link.answer(request -> Mono.never());
        try (RawHttp raw = new RawHttp(port)) {
            long start = System.nanoTime();
            raw.send("GET /slow HTTP/1.1\r\nHost: a\r\nX-Request-Timeout: 300\r\n\r\n");
            RawHttp.Reply reply = raw.readResponse();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(reply.status()).isEqualTo(504);
            assertThat(reply.bodyText()).contains("\"kind\":\"Timeout\"", "\"key\":\"deadline\"");
            assertThat(millis).isBetween(290L, 1500L);
            // the connection stays usable
            link.answer(RecordingLinkClient.ECHO);
            raw.send("GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(raw.readResponse().status()).isEqualTo(200);
        }
        assertThat(link.cancelled()).isEqualTo(1);
        assertThat(latencyCount("deadline")).isEqualTo(deadlines + 1);
    }

    @Test
    void answers502WhenTheSupervisorSendsAHeaderNettyRefuses() {
        link.answer(request -> Mono.just(new ResponseFrame(request.id(), 200,
                List.of(new Header("X-Split", "a\r\nSet-Cookie: evil=1")), new byte[0], 1)));

        client.get().uri("/").exchange().expectStatus().isEqualTo(502).expectHeader().doesNotExist("Set-Cookie");
    }

    @Test
    void servesHeadWithTheSupervisorsLengthAndNoBody() throws IOException {
        link.answer(request -> Mono.just(new ResponseFrame(request.id(), 200,
                List.of(new Header("Content-Length", "42")), new byte[0], 1)));
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("HEAD /page HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Reply head = raw.readHead();
            assertThat(head.header("Content-Length")).isEqualTo("42");
            link.answer(RecordingLinkClient.ECHO);
            raw.send("POST /next HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nok");
            // HEAD's answer carried no body: the next bytes are the next response's
            RawHttp.Reply next = raw.readResponse();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo("ok");
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws IOException {
        link.answer(request -> {
            Mono<Reply> echo = RecordingLinkClient.ECHO.apply(request);
            return request.target().equals("/slow") ? echo.delayElement(Duration.ofMillis(200)) : echo;
        });
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n1"
                    + "POST /fast HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n2"
                    + "POST /fast HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n3");
            assertThat(raw.readResponse().bodyText()).isEqualTo("1");
            assertThat(raw.readResponse().bodyText()).isEqualTo("2");
            assertThat(raw.readResponse().bodyText()).isEqualTo("3");
        }
    }

    @Test
    void answersABadPipelinedRequestAfterTheGoodOneBeforeIt() throws IOException {
        link.answer(request -> RecordingLinkClient.ECHO.apply(request).delayElement(Duration.ofMillis(200)));
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /good HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n1"
                    + "GET /bad HTTP/1.1\r\nHost: a\r\nX-Bad: \u0001\r\n\r\n"
                    + "GET /never HTTP/1.1\r\nHost: a\r\n\r\n");
            RawHttp.Reply good = raw.readResponse();
            RawHttp.Reply bad = raw.readResponse();
            assertThat(good.status()).isEqualTo(200);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(link.forwarded()).extracting(RequestFrame::target).containsExactly("/good");
    }

    @Test
    void servesConcurrentKeepAliveConnections() throws Exception {
        double replies2xx = registry.get("zerver.ingest.replies").tag("status", "2xx").counter().count();
        link.answer(request -> RecordingLinkClient.ECHO.apply(request)
                .delayElement(Duration.ofMillis(request.id() % 3)));
        int connections = 8;
        int requests = 50;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    try (RawHttp raw = new RawHttp(port)) {
                        for (int r = 0; r < requests; r++) {
                            String body = "c" + connection + "-r" + r;
                            raw.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length() + "\r\n\r\n"
                                    + body);
                            RawHttp.Reply reply = raw.readResponse();
                            if (reply.status() == 200 && reply.bodyText().equals(body)) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(requests);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(link.forwarded()).hasSize(connections * requests);
        assertThat(registry.get("zerver.ingest.replies").tag("status", "2xx").counter().count())
                .isEqualTo(replies2xx + connections * requests);
        await().atMost(Duration.ofSeconds(2)).until(() -> registry.get("zerver.ingest.in.flight").gauge().value() == 0);
    }

    private double latencyCount(String outcome) {
        return registry.get("zerver.ingest.link.latency").tag("outcome", outcome).timer().count();
    }
}
