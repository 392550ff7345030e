package io.zerver.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The JSON API of the blog contract of docs/contract.md, black box, over a real server and store. */
class BlogApiContractTests extends BlogContract {

    // ---- posts: create, read, list ----

    @Test
    void createAnswers201WithThePostAndItsLocation() {
        Answer created = send(HttpMethod.POST, "/blogs/api/posts", postJson("Hello", "First words.", "ann"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        Map<String, Object> post = created.object();
        assertThat(post).containsEntry("title", "Hello").containsEntry("content", "First words.")
                .containsEntry("author", "ann").containsKeys("id", "createdAt", "updatedAt");
        assertThat(created.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo("/blogs/api/posts/" + post.get("id"));

        Answer fetched = get(created.headers().getFirst(HttpHeaders.LOCATION));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.object()).isEqualTo(post);
    }

    @Test
    void createKeepsTheFieldsAsSent() {
        String tricky = "  \"quoted\" <b>&</b> ünïcødé ✓\nsecond line ";
        assertThat(createPost(tricky, tricky, tricky)).containsEntry("title", tricky).containsEntry("content", tricky)
                .containsEntry("author", tricky);
    }

    @Test
    void listAnswersEveryPostNewestFirst() {
        Map<String, Object> first = createPost(unique("first"), "a", "ann");
        Map<String, Object> second = createPost(unique("second"), "b", "bob");

        List<Map<String, Object>> posts = get("/blogs/api/posts").array();

        assertThat(posts).contains(first, second);
        assertThat(posts.indexOf(second)).isLessThan(posts.indexOf(first));
    }

    @ParameterizedTest
    @ValueSource(strings = { "nope", "a%3Ab", "01234567890123456789012345678901234567890123456789012345678901234" })
    void getOfAnUnknownOrImpossibleIdIs404(String id) {
        Answer answer = get("/blogs/api/posts/" + id);
        assertError(answer, 404, "NotFound", "post", id.equals("nope") ? "nope" : "invalid_id");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badPosts")
    void createRefusesBadBodiesWith400(String body, String key) throws Exception {
        long before = storedKeys("blog:post:");
        assertError(send(HttpMethod.POST, "/blogs/api/posts", body), 400, "InvalidInput", "post", key);
        assertThat(storedKeys("blog:post:")).isEqualTo(before);
    }

    static Stream<Arguments> badPosts() {
        return Stream.of(
                Arguments.of("{\"title\":", "malformed"),
                Arguments.of("not json", "malformed"),
                Arguments.of("", "malformed"),
                Arguments.of("[".repeat(100) + "]".repeat(100), "too_deep"),
                Arguments.of("[]", "not_an_object"),
                Arguments.of("{\"content\":\"c\",\"author\":\"a\"}", "title_missing"),
                Arguments.of("{\"title\":null,\"content\":\"c\",\"author\":\"a\"}", "title_missing"),
                Arguments.of("{\"title\":\" \\t\",\"content\":\"c\",\"author\":\"a\"}", "title_blank"),
                Arguments.of("{\"title\":7,\"content\":\"c\",\"author\":\"a\"}", "title_not_a_string"),
                Arguments.of("{\"title\":\"" + "x".repeat(201) + "\",\"content\":\"c\",\"author\":\"a\"}", "title_too_long"),
                Arguments.of("{\"title\":\"t\",\"author\":\"a\"}", "content_missing"),
                Arguments.of("{\"title\":\"t\",\"content\":\"\",\"author\":\"a\"}", "content_blank"),
                Arguments.of("{\"title\":\"t\",\"content\":\"" + "x".repeat(10_001) + "\",\"author\":\"a\"}",
                        "content_too_long"),
                Arguments.of("{\"title\":\"t\",\"content\":\"c\"}", "author_missing"),
                Arguments.of("{\"title\":\"t\",\"content\":\"c\",\"author\":[\"a\"]}", "author_not_a_string"),
                Arguments.of("{\"title\":\"t\",\"content\":\"c\",\"author\":\"" + "x".repeat(101) + "\"}",
                        "author_too_long"));
    }

    @Test
    void aPostAtEveryLimitIsAccepted() {
        assertThat(createPost("é".repeat(200), "✓".repeat(10_000), "a".repeat(100))).containsKey("id");
    }

    /** Refused by the WebFlux adapter before the engine sees it. */
    @Test
    void aBodyOverTheLimitIs413() {
        Answer answer = send(HttpMethod.POST, "/blogs/api/posts",
                postJson("big", "x".repeat(64 * 1024), "ann"));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.object()).extracting(b -> ((Map<?, ?>) b.get("error")).get("kind"))
                .isEqualTo("PayloadTooLarge");
    }

    // ---- posts: update ----

    @Test
    void patchChangesTheGivenFieldsOnly() {
        Map<String, Object> post = createPost("Draft", "Some text", "ann");
        String path = "/blogs/api/posts/" + post.get("id");

        Answer patched = send(HttpMethod.PATCH, path, "{\"title\":\"Final\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.object()).containsEntry("id", post.get("id")).containsEntry("title", "Final")
                .containsEntry("content", "Some text").containsEntry("author", "ann")
                .containsEntry("createdAt", post.get("createdAt"));
        assertThat(get(path).object()).isEqualTo(patched.object());
    }

    @Test
    void putReplacesThePostAndNeedsEveryField() {
        Map<String, Object> post = createPost("Old", "old text", "ann");
        String path = "/blogs/api/posts/" + post.get("id");

        assertError(send(HttpMethod.PUT, path, "{\"title\":\"New\"}"), 400, "InvalidInput", "post", "content_missing");
        Answer replaced = send(HttpMethod.PUT, path, postJson("New", "new text", "bob"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.object()).containsEntry("id", post.get("id")).containsEntry("title", "New")
                .containsEntry("content", "new text").containsEntry("author", "bob");
        assertThat(get(path).object()).isEqualTo(replaced.object());
    }

    @ParameterizedTest
    @ValueSource(strings = { "PATCH", "PUT" })
    void updatingAnAbsentPostIs404AndCreatesNothing(String method) throws Exception {
        assertError(send(HttpMethod.valueOf(method), "/blogs/api/posts/nope", postJson("t", "c", "a")),
                404, "NotFound", "post", "nope");
        assertThat(storedKeys("blog:post:nope")).isZero();
    }

    @Test
    void updatesValidateTheirBodies() {
        Map<String, Object> post = createPost("Keep", "keep", "ann");
        String path = "/blogs/api/posts/" + post.get("id");

        assertError(send(HttpMethod.PATCH, path, "{\"content\":\" \"}"), 400, "InvalidInput", "post", "content_blank");
        assertError(send(HttpMethod.PATCH, path, "{"), 400, "InvalidInput", "post", "malformed");
        assertThat(get(path).object()).isEqualTo(post);
    }

    // ---- posts: delete ----

    @Test
    void deleteAnswers204ThenThe404() {
        Map<String, Object> post = createPost("Short-lived", "bye", "ann");
        String path = "/blogs/api/posts/" + post.get("id");

        Answer deleted = send(HttpMethod.DELETE, path, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.bytes()).isEmpty();

        assertError(send(HttpMethod.DELETE, path, null), 404, "NotFound", "post", (String) post.get("id"));
        assertError(get(path), 404, "NotFound", "post", (String) post.get("id"));
        assertThat(get("/blogs/api/posts").array()).doesNotContain(post);
    }

    @Test
    void deletingAPostDeletesItsCommentsAndNoOtherPosts() throws Exception {
        Map<String, Object> post = createPost("With comments", "text", "ann");
        Map<String, Object> other = createPost("Another", "text", "bob");
        for (int i = 0; i < 60; i++) {
            createComment(post.get("id"), "reader " + i, "comment " + i);
        }
        createComment(other.get("id"), "carol", "stays");
        assertThat(storedKeys("blog:comment:" + post.get("id") + ":")).isEqualTo(60);

        assertThat(send(HttpMethod.DELETE, "/blogs/api/posts/" + post.get("id"), null).status()).isEqualTo(204);

        assertThat(storedKeys("blog:comment:" + post.get("id") + ":")).isZero();
        assertThat(storedKeys("blog:post:" + post.get("id"))).isZero();
        assertError(get("/blogs/api/posts/" + post.get("id") + "/comments"), 404, "NotFound", "post",
                (String) post.get("id"));
        assertThat(get("/blogs/api/posts/" + other.get("id") + "/comments").array()).hasSize(1);
    }

    // ---- comments ----

    @Test
    void commentsAreCreatedListedOldestFirstAndDeleted() {
        Map<String, Object> post = createPost("Discuss", "text", "ann");
        String comments = "/blogs/api/posts/" + post.get("id") + "/comments";

        Answer created = send(HttpMethod.POST, comments, "{\"author\":\"bob\",\"content\":\"first!\"}");
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> first = created.object();
        assertThat(first).containsEntry("postId", post.get("id")).containsEntry("author", "bob")
                .containsEntry("content", "first!").containsKeys("id", "createdAt");
        assertThat(created.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo(comments + "/" + first.get("id"));
        Map<String, Object> second = createComment(post.get("id"), "carol", "second");

        assertThat(get(comments).array()).containsExactly(first, second);

        String firstPath = comments + "/" + first.get("id");
        assertThat(send(HttpMethod.DELETE, firstPath, null).status()).isEqualTo(204);
        assertError(send(HttpMethod.DELETE, firstPath, null), 404, "NotFound", "comment", (String) first.get("id"));
        assertThat(get(comments).array()).containsExactly(second);
    }

    @Test
    void commentRoutesOfAMissingPostAre404() throws Exception {
        String comments = "/blogs/api/posts/nope/comments";

        assertError(get(comments), 404, "NotFound", "post", "nope");
        assertError(send(HttpMethod.POST, comments, "{\"author\":\"bob\",\"content\":\"hi\"}"), 404, "NotFound",
                "post", "nope");
        assertError(send(HttpMethod.DELETE, comments + "/c1", null), 404, "NotFound", "comment", "c1");
        assertThat(storedKeys("blog:comment:nope:")).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badComments")
    void commentsRefuseBadBodiesWith400(String body, String key) {
        Map<String, Object> post = createPost("Strict", "text", "ann");
        String comments = "/blogs/api/posts/" + post.get("id") + "/comments";

        assertError(send(HttpMethod.POST, comments, body), 400, "InvalidInput", "comment", key);
        assertThat(get(comments).array()).isEmpty();
    }

    static Stream<Arguments> badComments() {
        return Stream.of(
                Arguments.of("{", "malformed"),
                Arguments.of("\"hi\"", "not_an_object"),
                Arguments.of("{\"content\":\"hi\"}", "author_missing"),
                Arguments.of("{\"author\":\"bob\"}", "content_missing"),
                Arguments.of("{\"author\":\"bob\",\"content\":\"  \"}", "content_blank"),
                Arguments.of("{\"author\":\"bob\",\"content\":\"" + "x".repeat(2001) + "\"}", "content_too_long"));
    }
}
