package io.zerver.bench.starter;

import io.zerver.bench.plain.KvSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route of the starter app answers as the benchmark expects: the Zerver routes under
 * {@code /z} like the plain app's, and the plain app's own routes (annotated and {@code /fn})
 * still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bench.data.dir=target")
class StarterAppTests {

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void echoAnswersTheMessageAsText(String prefix) {
        client.get().uri(prefix + "/echo?msg=ping").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("ping");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void echoWithoutAMessageAnswersHello(String prefix) {
        client.get().uri(prefix + "/echo").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void jsonAnswersTheGreetingInTheSameBytes(String prefix) {
        client.get().uri(prefix + "/json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo("{\"message\":\"Hello, World!\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void kvAnswersTheSeededValue(String prefix) {
        client.get().uri(prefix + "/kv/k42").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("value-0042-abcdefghijklmnopqrstuvwxyz012");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void kvAnswers404ForAMissingKey(String prefix) {
        client.get().uri(prefix + "/kv/missing").exchange()
                .expectStatus().isNotFound()
                .expectBody().isEmpty();
    }

    @Test
    void zerversTableHoldsTheSameThousandRows() {
        for (int i : new int[] { 0, 1, 500, 999 }) {
            client.get().uri("/z/kv/" + KvSeed.key(i)).exchange().expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(KvSeed.value(i));
        }
        client.get().uri("/z/kv/" + KvSeed.key(KvSeed.ROWS)).exchange().expectStatus().isNotFound();
    }
}
