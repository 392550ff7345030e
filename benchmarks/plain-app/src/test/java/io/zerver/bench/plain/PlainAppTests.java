package io.zerver.bench.plain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Both flavours (annotated under {@code /}, functional under {@code /fn}) answer as the benchmark expects. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bench.data.dir=target")
class PlainAppTests {

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void echoAnswersTheMessageAsText(String prefix) {
        client.get().uri(prefix + "/echo?msg=ping").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("ping");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void echoWithoutAMessageAnswersHello(String prefix) {
        client.get().uri(prefix + "/echo").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void jsonAnswersTheGreeting(String prefix) {
        client.get().uri(prefix + "/json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo("{\"message\":\"Hello, World!\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void kvAnswersTheSeededValue(String prefix) {
        client.get().uri(prefix + "/kv/k42").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("value-0042-abcdefghijklmnopqrstuvwxyz012");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void kvSeedsAThousandRows(String prefix) {
        client.get().uri(prefix + "/kv/k999").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo(KvSeed.value(999));
        client.get().uri(prefix + "/kv/k1000").exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void kvAnswers404ForAMissingKey(String prefix) {
        client.get().uri(prefix + "/kv/missing").exchange()
                .expectStatus().isNotFound()
                .expectBody().isEmpty();
    }
}
