package io.zerver.effects.http;

import static io.zerver.effects.http.Pipelines.RESULT;
import static io.zerver.effects.http.Pipelines.errorKey;
import static io.zerver.effects.http.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zerver.core.effect.Effects;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The response size cap, through the engine against a real server: read up to it, fail past it, stay healthy. */
class BoundedBodyTests {

    private static final long CAP = 64 * 1024;

    private static Upstream upstream;

    private final HttpEffects http = HttpEffects.create(HttpEffectsConfig.defaults().withMaxResponseBytes(CAP));
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
    void bodyOfExactlyTheCapIsRead() {
        Response response = run(http, Effects.httpGet(upstream.url("/bytes/" + CAP + "/" + id)).into(RESULT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).hasSize(4 + (int) CAP);
    }

    @Test
    void streamedBodyOverTheCapFailsAndThePoolStaysHealthy() {
        String path = "/endless/" + id;
        long start = System.nanoTime();

        Response response = run(http, Effects.httpGet(upstream.url(path)).into(RESULT)
                .timeout(Duration.ofSeconds(3)));

        assertThat(response.status()).isEqualTo(502);
        assertThat(errorKey(response)).isEqualTo("response_too_large");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> upstream.connectionsClosed(path) == 1);
        assertThat(run(http, Effects.httpGet(upstream.url("/echo/" + id)).into(RESULT)).status()).isEqualTo(200);
    }

    @Test
    void bodyOneByteOverTheCapFails() {
        Response response = run(http, Effects.httpGet(upstream.url("/bytes/" + (CAP + 1) + "/" + id)).into(RESULT));

        assertThat(response.status()).isEqualTo(502);
        assertThat(errorKey(response)).isEqualTo("response_too_large");
    }

    @Test
    void declaredLengthOverTheCapFailsBeforeReading() {
        Response response = run(http, Effects.httpGet(upstream.url("/declared/" + 4 * CAP + "/" + id)).into(RESULT));

        assertThat(response.status()).isEqualTo(502);
        assertThat(errorKey(response)).isEqualTo("response_too_large");
    }

    @Test
    void headAnswerDeclaringALengthOverTheCapIsFine() {
        HttpCall head = Effects.http("HEAD", URI.create(upstream.url("/declared/" + 4 * CAP + "/" + id)),
                Headers.empty(), new byte[0]);

        Response response = run(http, head.into(RESULT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("200 ");
    }
}
