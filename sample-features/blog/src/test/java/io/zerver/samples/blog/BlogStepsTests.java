package io.zerver.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Request;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.test.ReqTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The steps without a server: ReqTest, scripted effects, virtual time, a fixed clock. */
class BlogStepsTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Post POST = new Post("p1", "Hello", "First post", "ann", NOW, NOW);

    private final BlogFeature feature = new BlogFeature();

    @Test
    void everyRoutesPipelineValidates() {
        RouteTable.Builder builder = RouteTable.builder();
        feature.blogRoutes().register(builder);

        assertThat(builder.build().routes()).extracting(r -> r.pipeline().name()).containsExactly(
                "GET /blogs/api/posts", "POST /blogs/api/posts", "GET /blogs/api/posts/:id",
                "PATCH /blogs/api/posts/:id", "PUT /blogs/api/posts/:id", "DELETE /blogs/api/posts/:id",
                "GET /blogs/api/posts/:post_id/comments", "POST /blogs/api/posts/:post_id/comments",
                "DELETE /blogs/api/posts/:post_id/comments/:comment_id",
                "GET /blogs", "GET /blogs/list", "GET /blogs/posts/:id", "GET /blogs/htmx/cards",
                "GET /blogs/htmx/card/:id", "POST /blogs/htmx/posts", "POST /blogs/htmx/posts/:post_id/comments",
                "GET /blogs/static/htmx.min.js");
    }

    @Test
    void validationBuildsThePostFromTheBodyAndTheContext() {
        ReqTest.StepRun run = ReqTest.post("/blogs/api/posts",
                "{\"title\":\"Hello\",\"content\":\"Text\",\"author\":\"ann\"}").step(PostSteps.VALIDATE_NEW);

        assertThat(run.decision()).isInstanceOf(Decision.Continue.class);
        assertThat(run.slot(PostSteps.NEW_POST)).hasValueSatisfying(post -> {
            assertThat(post.title()).isEqualTo("Hello");
            assertThat(post.content()).isEqualTo("Text");
            assertThat(post.author()).isEqualTo("ann");
            assertThat(post.createdAt()).isEqualTo(NOW).isEqualTo(post.updatedAt());
            assertThat(BlogKeys.isValidId(post.id())).isTrue();
        });
    }

    @Test
    void validationRefusesContentOverTheLimitAndStoresNothing() {
        ReqTest.Result result = ReqTest.post("/blogs/api/posts", "{\"title\":\"t\",\"author\":\"a\",\"content\":\""
                + "x".repeat(BlogBodies.MAX_CONTENT_LENGTH + 1) + "\"}")
                .run(PostSteps.VALIDATE_NEW, PostSteps.CREATE, PostSteps.RENDER_CREATED);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).contains("\"what\":\"post\",\"key\":\"content_too_long\"");
        assertThat(result.effects().performed()).isEmpty();
    }

    @Test
    void aCreatedPostIsStoredUnderItsKeyAndAnswered201WithItsLocation() {
        ReqTest t = ReqTest.post("/blogs/api/posts", "{\"title\":\"Hello\",\"content\":\"Text\",\"author\":\"ann\"}");
        t.effects().on(DbPut.class).succeed(true);

        ReqTest.Result result = t.run(PostSteps.VALIDATE_NEW, PostSteps.CREATE, PostSteps.RENDER_CREATED);

        Post created = result.slot(PostSteps.NEW_POST).orElseThrow();
        assertThat(result.status()).isEqualTo(201);
        assertThat(result.body()).isEqualTo(created.toJson());
        assertThat(result.response().header("Location")).contains("/blogs/api/posts/" + created.id());
        assertThat(t.effects().performed(DbPut.class)).singleElement()
                .satisfies(put -> assertThat(put.key()).isEqualTo("blog:post:" + created.id()));
    }

    @Test
    void aMissingPostIsTheFeaturesOwn404() {
        ReqTest t = ReqTest.get("/blogs/api/posts/abc").param("id", "abc");
        t.effects().on(DbGet.class).fail(ErrorKind.NOT_FOUND);

        ReqTest.Result result = t.run(PostSteps.LOAD, PostSteps.RENDER_POST);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).contains("\"kind\":\"NotFound\",\"what\":\"post\",\"key\":\"abc\"");
    }

    @Test
    void aMalformedIdIsA404WithoutTouchingTheStore() {
        ReqTest t = ReqTest.get("/blogs/api/posts/a:b").param("id", "a:b");

        ReqTest.Result result = t.run(PostSteps.LOAD, PostSteps.RENDER_POST);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).contains("\"key\":\"invalid_id\"");
        assertThat(t.effects().performed()).isEmpty();
    }

    @Test
    void aStoreOutageIsRetriedThenPassedOnNotDisguisedAsA404Page() {
        ReqTest t = ReqTest.get("/blogs/posts/abc").param("id", "abc");
        t.effects().on(DbGet.class).fail(ErrorKind.UPSTREAM_UNAVAILABLE);
        t.effects().on(DbScan.class).succeed(List.of());

        ReqTest.Result result = t.run(CommentSteps.LOAD_POST_AND_COMMENTS, pages().post);

        assertThat(result.status()).isEqualTo(502);
        assertThat(t.effects().performed(DbGet.class)).hasSize(3);
    }

    @Test
    void theListIsNewestFirst() {
        Post older = new Post("zzz", "older", "o", "ann", NOW.minusSeconds(60), NOW.minusSeconds(60));
        Post newer = new Post("aaa", "newer", "n", "bob", NOW, NOW);
        List<KeyValue> rows = List.of(new KeyValue("blog:post:aaa", newer.toJson()),
                new KeyValue("blog:post:zzz", older.toJson()));

        ReqTest.Result result = ReqTest.get("/blogs/api/posts").seed(PostSteps.ROWS, rows).run(PostSteps.RENDER_LIST);

        assertThat(result.body()).isEqualTo("[" + newer.toJson() + "," + older.toJson() + "]");
    }

    @Test
    void deletingAPostDeletesEveryCommentInBatchesThenThePost() {
        List<KeyValue> comments = new ArrayList<>();
        IntStream.range(0, 120).forEach(i -> comments.add(new KeyValue("blog:comment:p1:c" + i,
                new Comment("c" + i, "p1", "bob", "hi", NOW).toJson())));
        ReqTest t = ReqTest.of(Request.of("DELETE", "/blogs/api/posts/p1")).param("id", "p1");
        t.effects().on(DbGet.class).succeed(POST.toJson());
        t.effects().on(DbScan.class).succeed(comments);
        t.effects().on(DbDelete.class).succeed(true);

        List<Step> steps = new ArrayList<>(List.of(CommentSteps.LOAD_POST_AND_COMMENTS,
                PostSteps.REQUIRE));
        steps.addAll(CommentSteps.CASCADE);
        steps.add(PostSteps.DELETE);
        steps.add(PostSteps.RENDER_DELETED);
        ReqTest.Result result = t.run(steps.toArray(Step[]::new));

        assertThat(result.status()).isEqualTo(204);
        List<DbDelete> deletes = t.effects().performed(DbDelete.class);
        assertThat(deletes).hasSize(121);
        assertThat(deletes.subList(0, 120)).extracting(DbDelete::key)
                .containsExactlyInAnyOrderElementsOf(comments.stream().map(KeyValue::key).toList());
        assertThat(deletes.get(120).key()).isEqualTo("blog:post:p1");
    }

    @Test
    void aCommentOnAPostThatHasItsFillIs409() {
        List<KeyValue> comments = IntStream.range(0, CommentSteps.MAX_PER_POST)
                .mapToObj(i -> new KeyValue("blog:comment:p1:c" + i, "{}")).toList();
        ReqTest t = ReqTest.post("/blogs/api/posts/p1/comments", "{\"author\":\"bob\",\"content\":\"hi\"}")
                .param("post_id", "p1");
        t.effects().on(DbGet.class).succeed(POST.toJson());
        t.effects().on(DbScan.class).succeed(comments);

        ReqTest.Result result = t.run(CommentSteps.VALIDATE_NEW, CommentSteps.LOAD_POST_AND_COMMENTS,
                CommentSteps.REQUIRE_ROOM, CommentSteps.CREATE, CommentSteps.RENDER_CREATED);

        assertThat(result.status()).isEqualTo(409);
        assertThat(result.body()).contains("\"what\":\"comment\",\"key\":\"too_many_comments\"");
        assertThat(t.effects().performed()).extracting(Effect::kind).doesNotContain("db.put");
    }

    @Test
    void theFormRefusesABlankTitleWithAFragmentAReaderCanAct() {
        ReqTest.Result result = ReqTest.of(Request.of("POST", "/blogs/htmx/posts")
                        .withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("title=+&author=ann&content=text"))
                .run(pages().validatePostForm);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.response().header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(result.body()).contains("<p class=\"error\">A title is needed.</p>");
    }

    @Test
    void theFormDecodesItsFields() {
        ReqTest.StepRun run = ReqTest.of(Request.of("POST", "/blogs/htmx/posts")
                        .withBody("title=%3Cb%3E+%26+%C3%BC&author=ann&content=line1%0D%0Aline2"))
                .step(pages().validatePostForm);

        assertThat(run.slot(PostSteps.NEW_POST)).hasValueSatisfying(post -> {
            assertThat(post.title()).isEqualTo("<b> & ü");
            assertThat(post.content()).isEqualTo("line1\r\nline2");
        });
    }

    @Test
    void htmxIsAnsweredWithItsTypeAndCachingAnd304WhenTheClientHasIt() {
        StaticAsset htmx = StaticAsset.load(BlogFeature.class, "static/htmx.min.js", "text/javascript; charset=utf-8");
        PageSteps pages = new PageSteps(htmx);

        ReqTest.Result full = ReqTest.get("/blogs/static/htmx.min.js").run(pages.htmx);
        ReqTest.Result cached = ReqTest.get("/blogs/static/htmx.min.js").header("If-None-Match", htmx.etag())
                .run(pages.htmx);

        assertThat(full.status()).isEqualTo(200);
        assertThat(full.response().body()).isEqualTo(htmx.bytes());
        assertThat(full.body()).startsWith("var htmx=function()");
        assertThat(full.response().header("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.response().body()).isEmpty();
    }

    @Test
    void excerptsCutAtAWord() {
        String text = "word ".repeat(100);
        assertThat(BlogFragments.excerpt(text)).endsWith("word…").hasSizeLessThanOrEqualTo(BlogFragments.EXCERPT_LENGTH + 1);
        assertThat(BlogFragments.excerpt("  short\n\n text ")).isEqualTo("short text");
    }

    private static PageSteps pages() {
        return new PageSteps(StaticAsset.load(BlogFeature.class, "static/htmx.min.js", "text/javascript"));
    }
}
