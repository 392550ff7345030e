package io.zerver.bench.echo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Both paths answer the same thing, so that the benchmark compares like with like. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zerver.data.dir=target/zerver-data")
class EchoAppTests {

    static final String BODY = "{\"id\":42,\"name\":\"echo\",\"tags\":[\"a\",\"b\"]}";

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void zerverRouteEchoes() {
        client.post().uri(EchoApp.ZERVER_PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(BODY).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody(String.class).isEqualTo(BODY);
    }

    @Test
    void plainEndpointEchoes() {
        client.post().uri(EchoApp.PLAIN_PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(BODY).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(BODY);
    }

    @Test
    void anEmptyBodyIsEchoedAsEmptyOnBothPaths() {
        for (String path : new String[] { EchoApp.ZERVER_PATH, EchoApp.PLAIN_PATH }) {
            client.post().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .expectBody().isEmpty();
        }
    }

    @Test
    void bothKvPathsAnswerTheStoredValue() {
        for (String path : new String[] { KvRoutes.ZERVER_PATH, KvRoutes.PLAIN_PATH }) {
            client.get().uri(path + KvRoutes.key(42)).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                    .expectBody(String.class).isEqualTo(KvRoutes.value(42));
        }
    }

    @Test
    void aMissingKeyIs404OnBothKvPaths() {
        for (String path : new String[] { KvRoutes.ZERVER_PATH, KvRoutes.PLAIN_PATH }) {
            client.get().uri(path + "missing").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void bothGetPathsAnswerHelloAsText() {
        for (String path : new String[] { EchoApp.ZERVER_PATH, EchoApp.PLAIN_PATH }) {
            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                    .expectBody(String.class).isEqualTo("hello");
        }
    }
}
