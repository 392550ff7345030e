package io.zerver.bench.plain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
    void echoAnswersTheMessageAsTextOrHello(String prefix) {
        PlainAnswers.assertEchoes(client, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void jsonAnswersTheGreeting(String prefix) {
        PlainAnswers.assertGreets(client, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void kvAnswersTheThousandSeededRows(String prefix) {
        PlainAnswers.assertReadsTheSeededRows(client, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn" })
    void kvAnswers404ForAMissingKey(String prefix) {
        PlainAnswers.assertAnswers404ForAMissingKey(client, prefix);
    }
}
