package io.zerver.bench.starter;

import io.zerver.bench.plain.PlainAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route of the starter app answers as the benchmark expects: the Zerver routes under
 * {@code /z} as the plain app's do (its {@link PlainAnswers}, on Zerver's key/value table seeded
 * with the same rows), and the plain app's own routes (annotated and {@code /fn}) still there.
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
    void echoAnswersTheMessageAsTextOrHello(String prefix) {
        PlainAnswers.assertEchoes(client, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void jsonAnswersTheGreetingInTheSameBytes(String prefix) {
        PlainAnswers.assertGreets(client, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void kvAnswersTheThousandSeededRows(String prefix) {
        PlainAnswers.assertReadsTheSeededRows(client, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/fn", "/z" })
    void kvAnswers404ForAMissingKey(String prefix) {
        PlainAnswers.assertAnswers404ForAMissingKey(client, prefix);
    }
}
