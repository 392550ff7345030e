package io.zerver.effects.http;

import static io.zerver.effects.http.Pipelines.OTHER;
import static io.zerver.effects.http.Pipelines.RESULT;
import static io.zerver.effects.http.Pipelines.errorKey;
import static io.zerver.effects.http.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.Effects;
import io.zerver.core.flow.Join;
import io.zerver.core.http.Response;
import io.zerver.core.step.Decision;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Cancelling a call, by the engine's timeout, a lost join or a dropped subscriber, aborts the exchange. */
class HttpEffectsCancellationTests {

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
    void perAttemptTimeoutAnswers504AndClosesTheConnection() {
        String path = "/slow/" + id;
        long start = System.nanoTime();

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT)
                .timeout(Duration.ofMillis(200)));

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyAsString()).contains("\"what\":\"http\"", "\"key\":\"timeout\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.connectionsClosed(path) == 1);
        CircuitBreaker.Metrics breaker = http.breaker("127.0.0.1").getMetrics();
        assertThat(breaker.getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void losingAJoinClosesTheConnectionAndDoesNotCountAgainstTheHost() {
        String slow = "/slow/" + id;

        Response response = run(http, Decision.need(
                Effects.httpGet(upstream.url("/echo/" + id)).into(RESULT),
                Effects.httpGet(upstream.url(slow)).into(OTHER).timeout(Duration.ofSeconds(4))).join(Join.ANY));

        assertThat(response.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.connectionsClosed(slow) == 1);
        CircuitBreaker.Metrics breaker = http.breaker("127.0.0.1").getMetrics();
        assertThat(breaker.getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(breaker.getNumberOfFailedCalls()).isZero();
    }

    @Test
    void disposingTheCallClosesTheConnectionAndTheInFlightGaugeFollows() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        http.bindTo(registry);
        String path = "/slow/" + id;

        Disposable call = http.handler()
                .perform(Effects.httpGet(upstream.url(path)), new EffectContext("req-1", 1, Duration.ofSeconds(4)))
                .subscribe();

        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.hits(path) == 1);
        assertThat(inFlight(registry)).isEqualTo(1.0);
        call.dispose();
        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.connectionsClosed(path) == 1);
        assertThat(inFlight(registry)).isZero();
        assertThat(registry.get("zerver.http.client.breaker.state").tag("host", "127.0.0.1").gauge().value())
                .isZero();
    }

    @Test
    void poolExhaustedIsOverloadedAndNotTheHostsFault() {
        HttpEffects one = HttpEffects.create(HttpEffectsConfig.defaults().withMaxConnectionsPerHost(1)
                .withPendingAcquireTimeout(Duration.ofMillis(100)));
        try {
            Disposable holder = one.handler()
                    .perform(Effects.httpGet(upstream.url("/slow/" + id)),
                            new EffectContext("req-1", 1, Duration.ofSeconds(4)))
                    .subscribe();
            await().atMost(Duration.ofSeconds(1)).until(() -> upstream.hits("/slow/" + id) == 1);

            Response response = run(one, Effects.httpGet(upstream.url("/echo/" + id)).into(RESULT));

            holder.dispose();
            assertThat(response.status()).isEqualTo(503);
            assertThat(errorKey(response)).isEqualTo("pool_exhausted");
            assertThat(one.breaker("127.0.0.1").getMetrics().getNumberOfFailedCalls()).isZero();
        } finally {
            one.close();
        }
    }

    private static double inFlight(SimpleMeterRegistry registry) {
        return registry.get("zerver.http.client.in.flight").tag("host", "127.0.0.1").gauge().value();
    }
}
