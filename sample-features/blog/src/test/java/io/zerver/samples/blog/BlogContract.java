package io.zerver.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the blog's black-box tests share: a plain WebFlux application that imports
 * {@link BlogFeature}, on a real server on 127.0.0.1, over the embedded SQLite store in a
 * data directory of its own under {@code target/}. One application serves every test class
 * that extends this one (the context is cached), so tests never assume the store is empty:
 * each makes posts of its own and looks for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.banner-mode=off", "zerver.limits.max-body-size=" + BlogContract.BODY_LIMIT })
abstract class BlogContract {

    /**
     * Far above any valid post (10,000 characters of content), and small enough that a body
     * over it still fits in the socket buffers, so the client reads the 413 rather than a reset.
     */
    static final String BODY_LIMIT = "64KB";

    private static final Path DATA_DIR = Path.of("target", "blog-contract-" + UUID.randomUUID());

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("zerver.data.dir", DATA_DIR::toString);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(BlogFeature.class)
    static class App {
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl(base()).build();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A name of this test's own, distinctive enough to be looked for in pages. */
    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String postJson(String title, String content, String author) {
        return Json.write(Map.of("title", title, "content", content, "author", author));
    }

    Map<String, Object> createPost(String title, String content, String author) {
        Answer answer = send(HttpMethod.POST, "/blogs/api/posts", postJson(title, content, author));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.object();
    }

    Map<String, Object> createComment(Object postId, String author, String content) {
        Answer answer = send(HttpMethod.POST, "/blogs/api/posts/" + postId + "/comments",
                Json.write(Map.of("author", author, "content", content)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.object();
    }

    /** Sends a request; every answer, whatever its status, carries X-Request-Id. */
    Answer send(HttpMethod method, String path, @Nullable String body, String... headers) {
        Answer answer = exchange(method, path, body, MediaType.APPLICATION_JSON, headers);
        assertThat(answer.headers().getFirst("X-Request-Id")).as("X-Request-Id of %s %s", method, path).isNotBlank();
        return answer;
    }

    Answer get(String path, String... headers) {
        return send(HttpMethod.GET, path, null, headers);
    }

    /** Posts a form, as a browser (and htmx) does. */
    Answer form(String path, String body) {
        return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_FORM_URLENCODED, "HX-Request", "true");
    }

    Answer exchange(HttpMethod method, String path, @Nullable String body, MediaType type, String... headers) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(URI.create(base() + path))
                .headers(h -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        h.set(headers[i], headers[i + 1]);
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request : request.contentType(type).bodyValue(body);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody(byte[].class).returnResult();
        byte[] bytes = result.getResponseBody() == null ? new byte[0] : result.getResponseBody();
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), bytes);
    }

    /** The JSON error shape. */
    static void assertError(Answer answer, int status, String kind, String what, String key) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.object()).containsOnlyKeys("error");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) answer.object().get("error");
        assertThat(error).containsEntry("kind", kind).containsEntry("what", what).containsEntry("key", key)
                .containsEntry("requestId", answer.headers().getFirst("X-Request-Id"));
    }

    /** How many keys of the store start with {@code prefix}: what is really stored, not what the API says. */
    long storedKeys(String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM zerver_kv WHERE substr(key, 1, ?) = ?")) {
            count.setInt(1, prefix.length());
            count.setString(2, prefix);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    record Answer(int status, HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Object json() {
            return Json.parse(body(), 64);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            assertThat(json()).as(body()).isInstanceOf(Map.class);
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> array() {
            assertThat(json()).as(body()).isInstanceOf(List.class);
            return (List<Map<String, Object>>) json();
        }
    }
}
