package io.zerver.bench.plain;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the benchmark's routes answer, asserted over HTTP: the plain app's under {@code /} and
 * {@code /fn}, and the starter app's Zerver routes under {@code /z}, which must answer the same.
 * Shipped in the plain app's test jar (the only class in it) for the starter app's tests.
 */
public final class PlainAnswers {

    /** {@code GET /json}'s body, byte for byte. */
    public static final String GREETING_JSON = "{\"message\":\"Hello, World!\"}";

    private PlainAnswers() {
    }

    /** {@code prefix/echo?msg=ping} is 200 text/plain {@code ping}; without {@code msg}, {@code hello}. */
    public static void assertEchoes(WebTestClient client, String prefix) {
        client.get().uri(prefix + "/echo?msg=ping").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("ping");
        client.get().uri(prefix + "/echo").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("hello");
    }

    /** {@code prefix/json} is 200 application/json {@value #GREETING_JSON}. */
    public static void assertGreets(WebTestClient client, String prefix) {
        client.get().uri(prefix + "/json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(GREETING_JSON);
    }

    /**
     * {@code prefix/kv/k42} is 200 text/plain with row 42's value, and so are the first and last of
     * the {@value KvSeed#ROWS} rows; {@code k1000} is 404.
     */
    public static void assertReadsTheSeededRows(WebTestClient client, String prefix) {
        client.get().uri(prefix + "/kv/k42").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("value-0042-abcdefghijklmnopqrstuvwxyz012");
        for (int i : new int[] { 0, KvSeed.ROWS - 1 }) {
            client.get().uri(prefix + "/kv/" + KvSeed.key(i)).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(KvSeed.value(i));
        }
        client.get().uri(prefix + "/kv/" + KvSeed.key(KvSeed.ROWS)).exchange().expectStatus().isNotFound();
    }

    /** {@code prefix/kv/missing} is 404 without a body. */
    public static void assertAnswers404ForAMissingKey(WebTestClient client, String prefix) {
        client.get().uri(prefix + "/kv/missing").exchange()
                .expectStatus().isNotFound()
                .expectBody().isEmpty();
    }
}
