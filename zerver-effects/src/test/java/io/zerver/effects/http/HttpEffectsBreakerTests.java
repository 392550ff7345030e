package io.zerver.effects.http;

import static io.zerver.effects.http.Pipelines.RESULT;
import static io.zerver.effects.http.Pipelines.errorKey;
import static io.zerver.effects.http.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.Effects;
import io.zerver.core.http.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The breaker per host: opens on failures, fails fast without I/O, probes when half-open. */
class HttpEffectsBreakerTests {

    private static final String HOST = "127.0.0.1";

    private static Upstream upstream;

    private final HttpEffects http = HttpEffects.create(HttpEffectsConfig.defaults()
            .withBreakerWindow(4, 4)
            .withBreakerFailureRateThreshold(50)
            .withBreakerWaitInOpenState(Duration.ofMillis(300))
            .withBreakerPermittedCallsInHalfOpenState(1));
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
    void opensAfterFailuresFailsFastThenProbesAndCloses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        http.bindTo(registry);
        String failing = "/status/503/" + id;
        String healthy = "/echo/" + id;
        for (int i = 0; i < 4; i++) {
            assertThat(run(http, Effects.httpGet(upstream.url(failing)).into(RESULT)).status()).isEqualTo(502);
        }
        assertThat(http.breakerStates()).containsEntry(HOST, CircuitBreaker.State.OPEN);
        assertThat(breakerGauge(registry)).isEqualTo(2.0);

        long start = System.nanoTime();
        Response fast = run(http, Effects.httpGet(upstream.url(healthy)).into(RESULT));

        assertThat(fast.status()).isEqualTo(502);
        assertThat(errorKey(fast)).isEqualTo("circuit_open");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(upstream.hits(healthy)).isZero();

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> run(http, Effects.httpGet(upstream.url(healthy)).into(RESULT)).status() == 200);
        assertThat(upstream.hits(healthy)).isEqualTo(1);
        assertThat(upstream.hits(failing)).isEqualTo(4);
        assertThat(http.breakerStates()).containsEntry(HOST, CircuitBreaker.State.CLOSED);
        assertThat(breakerGauge(registry)).isZero();
    }

    @Test
    void failedProbeOpensAgain() {
        String failing = "/status/500/" + id;
        for (int i = 0; i < 4; i++) {
            run(http, Effects.httpGet(upstream.url(failing)).into(RESULT));
        }
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            run(http, Effects.httpGet(upstream.url(failing)).into(RESULT));
            return upstream.hits(failing) == 5;
        });

        assertThat(http.breakerStates()).containsEntry(HOST, CircuitBreaker.State.OPEN);
        assertThat(errorKey(run(http, Effects.httpGet(upstream.url(failing)).into(RESULT))))
                .isEqualTo("circuit_open");
        assertThat(upstream.hits(failing)).isEqualTo(5);
    }

    @Test
    void clientErrorsAndAnswersAcceptedAsIsCountAsTheHostAnswering() {
        for (int i = 0; i < 4; i++) {
            run(http, Effects.httpGet(upstream.url("/status/404/" + id)).into(RESULT));
        }

        assertThat(http.breakerStates()).containsEntry(HOST, CircuitBreaker.State.CLOSED);
        assertThat(http.breaker(HOST).getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(4);
    }

    @Test
    void serverErrorsAcceptedAsIsStillCountAgainstTheHost() {
        for (int i = 0; i < 4; i++) {
            Response response = run(http, Effects.httpGet(upstream.url("/status/503/" + id)).acceptingAnyStatus()
                    .into(RESULT));
            assertThat(response.status()).isEqualTo(200);
        }

        assertThat(http.breakerStates()).containsEntry(HOST, CircuitBreaker.State.OPEN);
    }

    @Test
    void breakersArePerHost() {
        for (int i = 0; i < 4; i++) {
            run(http, Effects.httpGet(upstream.url("/status/503/" + id)).into(RESULT));
        }
        String viaLocalhost = upstream.url("/echo/" + id).replace("127.0.0.1", "localhost");

        Response response = run(http, Effects.httpGet(viaLocalhost).into(RESULT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(http.breakerStates()).containsEntry(HOST, CircuitBreaker.State.OPEN)
                .containsEntry("localhost", CircuitBreaker.State.CLOSED);
    }

    private static double breakerGauge(SimpleMeterRegistry registry) {
        return registry.get("zerver.http.client.breaker.state").tag("host", HOST).gauge().value();
    }
}
