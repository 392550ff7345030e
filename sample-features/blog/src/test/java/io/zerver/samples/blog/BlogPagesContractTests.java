package io.zerver.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The pages and HTMX fragments of the blog contract of docs/contract.md, black box. */
class BlogPagesContractTests extends BlogContract {

    private static final String XSS = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=utf-8");
    private static final Pattern HTMX_SRC = Pattern.compile("<script src=\"(/blogs/static/htmx\\.min\\.js\\?v=[0-9a-f]+)\"");

    @Test
    void everyPageAndFragmentIsHtml() {
        Map<String, Object> post = createPost(unique("Hello"), "Some text", "ann");

        for (String path : List.of("/blogs", "/blogs/list", "/blogs/posts/" + post.get("id"), "/blogs/htmx/cards",
                "/blogs/htmx/card/" + post.get("id"))) {
            Answer page = get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.headers().getContentType()).as(path).isEqualTo(HTML);
            assertThat(page.body()).as(path).contains((String) post.get("title"));
        }
    }

    @Test
    void userContentComesBackEscapedOnEveryPageAndFragment() {
        Map<String, Object> post = createPost(XSS + " title", XSS + " content", XSS + " author");
        createComment(post.get("id"), XSS + " commenter", XSS + " comment");
        String id = (String) post.get("id");

        for (String path : List.of("/blogs", "/blogs/list", "/blogs/posts/" + id, "/blogs/htmx/cards",
                "/blogs/htmx/card/" + id)) {
            String body = get(path).body();
            assertThat(body).as(path).doesNotContain(XSS).doesNotContain("<script>")
                    .contains(ESCAPED + " title").contains(ESCAPED + " author");
        }
        String page = get("/blogs/posts/" + id).body();
        assertThat(page).contains(ESCAPED + " content", ESCAPED + " commenter", ESCAPED + " comment");
        assertThat(page.split("<script", -1)).as("the only script is htmx").hasSize(2);
    }

    @Test
    void quotesAndAmpersandsCannotBreakOutOfAnAttribute() {
        String sneaky = "\"' onmouseover='alert(1)' & <b>";
        Map<String, Object> post = createPost(sneaky, sneaky, sneaky);

        String page = get("/blogs/posts/" + post.get("id")).body();

        assertThat(page).doesNotContain(sneaky).doesNotContain("onmouseover='")
                .contains("&quot;&#39; onmouseover=&#39;alert(1)&#39; &amp; &lt;b&gt;");
    }

    @Test
    void theFormsEchoEscapedContentToo() {
        Answer created = form("/blogs/htmx/posts", encode("title", XSS, "author", XSS, "content", XSS));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(XSS).contains(ESCAPED);

        String id = created.headers().getFirst(HttpHeaders.LOCATION).substring("/blogs/api/posts/".length());
        Answer commented = form("/blogs/htmx/posts/" + id + "/comments", encode("author", XSS, "content", XSS));
        assertThat(commented.status()).isEqualTo(201);
        assertThat(commented.body()).doesNotContain(XSS).contains(ESCAPED);

        Answer refused = form("/blogs/htmx/posts/" + id + "/comments", encode("author", XSS, "content", " "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(XSS).contains("value=\"" + ESCAPED + "\"");
    }

    @Test
    void thePostFormCreatesAPostAndTellsTheListsToRefresh() {
        String title = unique("From the form");

        Answer created = form("/blogs/htmx/posts", encode("title", title, "author", "ann", "content", "line 1\nline 2"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getContentType()).isEqualTo(HTML);
        assertThat(created.headers().getFirst("HX-Trigger")).isEqualTo("blog-post-created");
        assertThat(created.body()).contains("Published", title);
        assertThat(get("/blogs/htmx/cards").body()).contains(title);
        Map<String, Object> stored = get(created.headers().getFirst(HttpHeaders.LOCATION)).object();
        assertThat(stored).containsEntry("title", title).containsEntry("content", "line 1\nline 2");
    }

    @Test
    void thePostFormRefusesWithAFragmentAndStoresNothing() throws Exception {
        long before = storedKeys("blog:post:");

        Answer refused = form("/blogs/htmx/posts", encode("title", "t", "author", "", "content", "c"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().getContentType()).isEqualTo(HTML);
        assertThat(refused.body()).contains("<p class=\"error\">Your name is needed.</p>");
        assertThat(storedKeys("blog:post:")).isEqualTo(before);
    }

    @Test
    void theCommentFormAnswersTheSectionWithTheNewComment() {
        Map<String, Object> post = createPost("Talk", "text", "ann");
        createComment(post.get("id"), "bob", "earlier");

        Answer section = form("/blogs/htmx/posts/" + post.get("id") + "/comments",
                encode("author", "carol", "content", "later"));

        assertThat(section.status()).isEqualTo(201);
        assertThat(section.body()).startsWith("<section id=\"comments\"").contains("Comments <span class=\"count\">2</span>");
        assertThat(section.body().indexOf("earlier")).isLessThan(section.body().indexOf("later"));
        assertThat(get("/blogs/api/posts/" + post.get("id") + "/comments").array()).hasSize(2);
    }

    @Test
    void aMissingPostIsA404PageAndA404Fragment() {
        Answer page = get("/blogs/posts/nope");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().getContentType()).isEqualTo(HTML);
        assertThat(page.body()).contains("Post not found", "<code>nope</code>");

        Answer impossible = get("/blogs/posts/%3Cscript%3E");
        assertThat(impossible.status()).isEqualTo(404);
        assertThat(impossible.body()).doesNotContain("<script>").contains("&lt;script&gt;");

        Answer card = get("/blogs/htmx/card/nope");
        assertThat(card.status()).isEqualTo(404);
        assertThat(card.headers().getContentType()).isEqualTo(HTML);

        Answer comment = form("/blogs/htmx/posts/nope/comments", encode("author", "bob", "content", "hi"));
        assertThat(comment.status()).isEqualTo(404);
        assertThat(comment.body()).contains("no longer exists");
    }

    @Test
    void htmxIsServedLocallyWithItsTypeAndALongCache() {
        String home = get("/blogs").body();
        assertThat(home).doesNotContain("src=\"http", "src=\"//", "unpkg", "jsdelivr");
        Matcher src = HTMX_SRC.matcher(home);
        assertThat(src.find()).as(home).isTrue();

        Answer script = get(src.group(1));

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers().getContentType()).isEqualTo(MediaType.parseMediaType("text/javascript;charset=utf-8"));
        assertThat(script.headers().getCacheControl()).contains("max-age=31536000");
        assertThat(script.body()).startsWith("var htmx=function()").contains("htmx-config");
        assertThat(script.bytes().length).isGreaterThan(40_000);

        Answer again = get(src.group(1), "If-None-Match", script.headers().getETag());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
    }

    @Test
    void thePagesLoadTheirListsAndFormsThroughHtmx() {
        String home = get("/blogs").body();
        assertThat(home).contains("hx-post=\"/blogs/htmx/posts\"")
                .contains("hx-get=\"/blogs/htmx/cards\" hx-trigger=\"blog-post-created from:body, every 30s\"");
        assertThat(get("/blogs/list").body()).contains("hx-get=\"/blogs/htmx/cards\"");
    }

    private static String encode(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
