package io.zerver.samples.blog;

import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The blog feature (docs/contract.md): posts and their comments, stored through the DB key/value
 * effects, as a JSON API and as pages with HTMX fragments.
 *
 * <pre>
 * GET    /blogs/api/posts                                200 [post, ...]   newest first
 * POST   /blogs/api/posts                                201 post + Location   {"title","content","author"}
 * GET    /blogs/api/posts/:id                            200 post | 404
 * PATCH  /blogs/api/posts/:id                            200 post | 404   any of title, content, author
 * PUT    /blogs/api/posts/:id                            200 post | 404   title, content and author
 * DELETE /blogs/api/posts/:id                            204 | 404        its comments go too
 * GET    /blogs/api/posts/:post_id/comments              200 [comment, ...] | 404   oldest first
 * POST   /blogs/api/posts/:post_id/comments              201 comment + Location | 404 | 409   {"author","content"}
 * DELETE /blogs/api/posts/:post_id/comments/:comment_id  204 | 404
 *
 * GET    /blogs                          the home page: a form to write a post, the cards
 * GET    /blogs/list                     every post, as cards
 * GET    /blogs/posts/:id                a post and its comments, with a comment form | 404 page
 * GET    /blogs/htmx/cards               fragment: every card
 * GET    /blogs/htmx/card/:id            fragment: one card | 404 fragment
 * POST   /blogs/htmx/posts               the post form (urlencoded): 201 status fragment + HX-Trigger | 400 fragment
 * POST   /blogs/htmx/posts/:post_id/comments   the comment form: 201 comments section | 400 | 404 | 409
 * GET    /blogs/static/htmx.min.js       htmx, from the feature's own jar, cached for a year
 * </pre>
 *
 * <p>Errors of the API are the engine's JSON error body with {@code what} "post" or
 * "comment" (see {@link BlogBodies} for the 400 keys). The feature declares its routes only,
 * no global before-steps, so it leaves the application's other routes alone. Import this
 * configuration into an application that has Zerver (the starter), or drop the jar into the
 * supervisor: it declares one {@link ZerverRoutes} bean and scans nothing. It is named, with
 * the feature's name and version, in {@code META-INF/zerver-feature.properties}.
 */
@Configuration(proxyBeanMethods = false)
public class BlogFeature {

    /** The script is read here, once per feature version: see {@link StaticAsset} for why. */
    @Bean
    ZerverRoutes blogRoutes() {
        StaticAsset htmx = StaticAsset.load(BlogFeature.class, "static/htmx.min.js", "text/javascript; charset=utf-8");
        PageSteps pages = new PageSteps(htmx);
        return routes -> routes
                .get("/blogs/api/posts", r -> r.steps(PostSteps.LIST, PostSteps.RENDER_LIST))
                .post("/blogs/api/posts", r -> r.steps(PostSteps.VALIDATE_NEW, PostSteps.CREATE,
                        PostSteps.RENDER_CREATED))
                .get("/blogs/api/posts/:id", r -> r.steps(PostSteps.LOAD, PostSteps.RENDER_POST))
                .patch("/blogs/api/posts/:id", r -> r.steps(PostSteps.VALIDATE_PATCH, PostSteps.LOAD,
                        PostSteps.APPLY, PostSteps.RENDER_UPDATED))
                .put("/blogs/api/posts/:id", r -> r.steps(PostSteps.VALIDATE_REPLACEMENT, PostSteps.LOAD,
                        PostSteps.APPLY, PostSteps.RENDER_UPDATED))
                .delete("/blogs/api/posts/:id", r -> r.steps(deletePost()))
                .get("/blogs/api/posts/:post_id/comments", r -> r.steps(CommentSteps.LOAD_POST_AND_COMMENTS,
                        CommentSteps.RENDER_LIST))
                .post("/blogs/api/posts/:post_id/comments", r -> r.steps(CommentSteps.VALIDATE_NEW,
                        CommentSteps.LOAD_POST_AND_COMMENTS, CommentSteps.REQUIRE_ROOM, CommentSteps.CREATE,
                        CommentSteps.RENDER_CREATED))
                .delete("/blogs/api/posts/:post_id/comments/:comment_id", r -> r.steps(CommentSteps.DELETE,
                        CommentSteps.RENDER_DELETED))
                .get("/blogs", r -> r.steps(PostSteps.LIST, pages.home))
                .get("/blogs/list", r -> r.steps(PostSteps.LIST, pages.list))
                .get("/blogs/posts/:id", r -> r.steps(CommentSteps.LOAD_POST_AND_COMMENTS, pages.post))
                .get("/blogs/htmx/cards", r -> r.steps(PostSteps.LIST, pages.cards))
                .get("/blogs/htmx/card/:id", r -> r.steps(PostSteps.LOAD, pages.card))
                .post("/blogs/htmx/posts", r -> r.steps(pages.validatePostForm, PostSteps.CREATE,
                        pages.renderPostCreated))
                .post("/blogs/htmx/posts/:post_id/comments", r -> r.steps(CommentSteps.LOAD_POST_AND_COMMENTS,
                        pages.validateCommentForm, CommentSteps.CREATE, pages.renderCommentCreated))
                .get(PageSteps.HTMX_PATH, r -> r.steps(pages.htmx));
    }

    /** Load and check the post, delete its comments in batches, then the post itself. */
    private static Step[] deletePost() {
        List<Step> steps = new ArrayList<>();
        steps.add(CommentSteps.LOAD_POST_AND_COMMENTS);
        steps.add(PostSteps.REQUIRE);
        steps.addAll(CommentSteps.CASCADE);
        steps.add(PostSteps.DELETE);
        steps.add(PostSteps.RENDER_DELETED);
        return steps.toArray(Step[]::new);
    }
}
