package io.zerver.effects.http;

import static io.zerver.effects.http.Pipelines.RESULT;
import static io.zerver.effects.http.Pipelines.errorKey;
import static io.zerver.effects.http.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.effect.HttpResult;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import io.zerver.core.retry.RetryPolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClientConfig;

/** HTTP calls through the engine against a real server: results, statuses, retries, refusal. */
class HttpEffectsTests {

    private static final RetryPolicy THREE_TRIES = RetryPolicy.fixed(3, Duration.ofMillis(20));

    private static Upstream upstream;

    private final HttpEffects http = HttpEffects.create(HttpEffectsConfig.defaults());
    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void startUpstream() {
        upstream = new Upstream();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @AfterEach
    void closeClient() {
        http.close();
    }

    @Test
    void successLandsStatusHeadersAndBodyInTheSlot() {
        String path = "/echo/" + id;
        HttpCall post = Effects.http("POST", URI.create(upstream.url(path)),
                Headers.of("X-Test", "t-1", "Content-Type", "text/plain"), "ping".getBytes(StandardCharsets.UTF_8));

        Response response = run(http, post.into(RESULT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("200 ping");
        assertThat(response.header("X-Upstream-Method")).contains("POST");
        assertThat(response.header("X-Upstream-Test")).contains("t-1");
        assertThat(http.breakerStates()).containsEntry("127.0.0.1",
                io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }

    @Test
    void handlerAnswersOneAttemptWithTheRawResult() {
        HttpCall get = Effects.httpGet(upstream.url("/echo/" + id)).header("X-Test", "direct");

        HttpResult result = http.handler().perform(get, new EffectContext("req-1", 1, Duration.ofSeconds(2)))
                .cast(HttpResult.class).block(Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyAsString()).isEqualTo("hello");
        assertThat(result.headers().first("X-Echo-Method")).contains("GET");
        assertThat(result.headers().first("X-Echo-Test")).contains("direct");
    }

    @Test
    void getFailingTwiceWith503IsRetriedToSuccess() {
        String path = "/flaky/2/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT).retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("200 ok");
        assertThat(upstream.hits(path)).isEqualTo(3);
    }

    @Test
    void postWithoutIdempotencyKeyIsNotRetried() {
        String path = "/flaky/2/" + id;

        Response response = run(http, Effects.httpPost(upstream.url(path), "text/plain", "x").into(RESULT)
                .retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(502);
        assertThat(errorKey(response)).isEqualTo("status_503");
        assertThat(upstream.hits(path)).isEqualTo(1);
        assertThat(upstream.idempotencyKeys(path)).isEmpty();
    }

    @Test
    void postWithIdempotencyKeyIsRetriedCarryingTheSameKey() {
        String path = "/flaky/2/" + id;

        Response response = run(http, Effects.httpPost(upstream.url(path), "text/plain", "x").into(RESULT)
                .retry(THREE_TRIES).idempotencyKey("op-" + id));

        assertThat(response.status()).isEqualTo(200);
        assertThat(upstream.hits(path)).isEqualTo(3);
        assertThat(upstream.idempotencyKeys(path)).containsExactly("op-" + id, "op-" + id, "op-" + id);
    }

    @Test
    void notFoundIsNotRetriedAndAnswers404() {
        String path = "/status/404/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT).retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyAsString()).contains("\"what\":\"http\"", "\"key\":\"result\"");
        assertThat(errorKey(response)).isEqualTo("status_404");
        assertThat(upstream.hits(path)).isEqualTo(1);
    }

    @Test
    void otherClientErrorsAreInternalAndNotRetried() {
        String path = "/status/400/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT).retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(500);
        assertThat(errorKey(response)).isEqualTo("status_400");
        assertThat(upstream.hits(path)).isEqualTo(1);
    }

    @Test
    void tooManyRequestsIsTransientSoRetried() {
        String path = "/status/429/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT).retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(429);
        assertThat(errorKey(response)).isEqualTo("status_429");
        assertThat(upstream.hits(path)).isEqualTo(3);
    }

    @Test
    void acceptingAnyStatusLandsA500InTheSlotForTheContinuation() {
        String path = "/status/500/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).acceptingAnyStatus().into(RESULT)
                .retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("500 status 500");
        assertThat(upstream.hits(path)).isEqualTo(1);
    }

    @Test
    void redirectIsTheResultNotFollowed() {
        String path = "/status/302/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT));

        assertThat(response.bodyAsString()).startsWith("302 ");
    }

    @Test
    void refusedConnectionIsUpstreamUnavailableQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();

        Response response = run(http, Effects.httpGet("http://127.0.0.1:" + closedPort + "/x").into(RESULT));

        assertThat(response.status()).isEqualTo(502);
        assertThat(errorKey(response)).isEqualTo("unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void urlThatIsNotHttpIsAnInternalError() {
        Response response = run(http, Effects.http("GET", URI.create("ftp://127.0.0.1/x"), Headers.empty(),
                new byte[0]).into(RESULT));

        assertThat(response.status()).isEqualTo(500);
        assertThat(errorKey(response)).isEqualTo("bad_url");
    }

    @Test
    void writeWithoutBodyIsSent() {
        HttpCall delete = Effects.http("DELETE", URI.create(upstream.url("/echo/" + id)), Headers.empty(),
                new byte[0]);

        Response response = run(http, delete.into(RESULT));

        assertThat(response.bodyAsString()).isEqualTo("200 hello");
        assertThat(response.header("X-Upstream-Method")).contains("DELETE");
    }

    @Test
    void clientHasNoDelayNoCompressionNoRedirectsAndAPoolPerConfig() {
        HttpClientConfig client = http.client().configuration();

        Map<ChannelOption<?>, Object> options = Map.copyOf(client.options());
        assertThat(options).containsEntry(ChannelOption.TCP_NODELAY, true)
                .containsEntry(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000);
        assertThat(client.isAcceptGzip()).isFalse();
        assertThat(client.followRedirectPredicate()).isNull();
        assertThat(client.isRetryDisabled()).isFalse();
        assertThat(client.connectionProvider().name()).isEqualTo(HttpEffects.POOL_NAME);
        assertThat(client.connectionProvider().maxConnections()).isEqualTo(64);
        assertThat(http.clientWithoutRetry().configuration().isRetryDisabled()).isTrue();
        assertThat(http.clientWithoutRetry().configuration().connectionProvider())
                .isSameAs(client.connectionProvider());
    }

    @Test
    void headerTheClientCannotWriteIsAnInternalErrorWithoutIo() {
        String path = "/echo/" + id;

        Response response = run(http, Effects.httpGet(upstream.url(path)).header("X-Test", "a\r\nX-Injected: b")
                .into(RESULT).retry(THREE_TRIES));

        assertThat(response.status()).isEqualTo(500);
        assertThat(errorKey(response)).isEqualTo("bad_request");
        assertThat(upstream.hits(path)).isZero();
        assertThat(http.breaker("127.0.0.1").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void registersTheHttpCallHandler() {
        EffectHandlers handlers = http.registerOn(EffectHandlers.builder()).build();

        assertThat(handlers.types()).containsExactly(HttpCall.class);
    }
}
