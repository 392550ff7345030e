package io.zerver.samples.blog;

import static io.zerver.samples.blog.CommentSteps.NEW_COMMENT;
import static io.zerver.samples.blog.PostSteps.NEW_POST;
import static io.zerver.samples.blog.PostSteps.ROWS;
import static io.zerver.samples.blog.PostSteps.STORED;
import static io.zerver.samples.blog.PostSteps.postId;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Response;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import io.zerver.samples.blog.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The steps of the HTML routes: pages, HTMX fragments, the forms behind them, and htmx
 * itself. They load through the same steps as the API ({@link PostSteps#LIST},
 * {@link PostSteps#LOAD}, {@link CommentSteps#LOAD_POST_AND_COMMENTS}) and store through the
 * same ({@link PostSteps#CREATE}, {@link CommentSteps#CREATE}); what differs is that they
 * answer HTML, absence included (a 404 page, a 404 fragment), and that the forms are
 * {@code application/x-www-form-urlencoded}, refused with a 400 fragment a reader can act on.
 *
 * <p>An instance, not constants, because the pages name the URL of the htmx the feature
 * loaded, and the script step answers with its bytes.
 */
final class PageSteps {

    /** The event a published post raises (as {@code HX-Trigger}) so that card lists refresh. */
    static final String POST_CREATED_EVENT = "blog-post-created";
    /** Where htmx is served. */
    static final String HTMX_PATH = "/blogs/static/htmx.min.js";

    final Step home;
    final Step list;
    final Step post;
    final Step cards;
    final Step card;
    final Step validatePostForm;
    final Step renderPostCreated;
    final Step validateCommentForm;
    final Step renderCommentCreated;
    final Step htmx;

    PageSteps(StaticAsset htmxScript) {
        BlogPages pages = new BlogPages(HTMX_PATH + "?v=" + htmxScript.hash());

        home = Step.named("render_home").reads(ROWS)
                .run(ctx -> html(200, pages.home(PostSteps.posts(ctx.require(ROWS)))));
        list = Step.named("render_list_page").reads(ROWS)
                .run(ctx -> html(200, pages.list(PostSteps.posts(ctx.require(ROWS)))));
        post = Step.named("render_post_page").reads(STORED, CommentSteps.ROWS).run(ctx -> {
            Optional<String> stored = ctx.optional(STORED);
            if (stored.isEmpty()) {
                return failedOr(ctx, () -> html(404, pages.notFound(postId(ctx))));
            }
            return html(200, pages.post(Post.fromJson(stored.get()), CommentSteps.comments(ctx)));
        });
        cards = Step.named("render_cards").reads(ROWS)
                .run(ctx -> html(200, BlogFragments.cards(PostSteps.posts(ctx.require(ROWS)))));
        card = Step.named("render_card").reads(STORED).run(ctx -> {
            Optional<String> stored = ctx.optional(STORED);
            if (stored.isEmpty()) {
                return failedOr(ctx, () -> html(404, BlogFragments.gone()));
            }
            return html(200, BlogFragments.card(Post.fromJson(stored.get())));
        });

        validatePostForm = Step.named("validate_post_form").writes(NEW_POST).run(ctx -> {
            try {
                ctx.put(NEW_POST, BlogBodies.newPost(ctx.newId(), BlogBodies.form(ctx, BlogBodies.POST), ctx.now()));
                return Decision.next();
            } catch (ZerverException e) {
                return refused(e, BlogFragments.error(e.error().key()));
            }
        });
        renderPostCreated = Step.named("render_post_form_created").reads(NEW_POST).run(ctx -> {
            Post created = ctx.require(NEW_POST);
            return Decision.done(Response.html(201, BlogFragments.created(created).markup())
                    .withHeader("HX-Trigger", POST_CREATED_EVENT)
                    .withHeader("Location", PostSteps.location(created.id())));
        });

        validateCommentForm = Step.named("validate_comment_form").reads(STORED, CommentSteps.ROWS)
                .writes(NEW_COMMENT).run(ctx -> {
                    if (ctx.optional(STORED).isEmpty()) {
                        return failedOr(ctx, () -> html(404, BlogFragments.gone()));
                    }
                    String postId = postId(ctx);
                    List<Comment> comments = CommentSteps.comments(ctx);
                    Map<String, String> form = Map.of();
                    try {
                        form = BlogBodies.form(ctx, BlogBodies.COMMENT);
                        Comment comment = BlogBodies.newComment(ctx.newId(), postId, form, ctx.now());
                        if (comments.size() >= CommentSteps.MAX_PER_POST) {
                            return html(409, BlogFragments.comments(postId, comments,
                                    BlogFragments.error("too_many_comments"), comment.author(), comment.content()));
                        }
                        ctx.put(NEW_COMMENT, comment);
                        return Decision.next();
                    } catch (ZerverException e) {
                        // The section again: why, and what the reader typed, to fix rather than retype.
                        return refused(e, BlogFragments.comments(postId, comments,
                                BlogFragments.error(e.error().key()), form.getOrDefault("author", ""),
                                form.getOrDefault("content", "")));
                    }
                });
        renderCommentCreated = Step.named("render_comment_form_created").reads(NEW_COMMENT, CommentSteps.ROWS)
                .run(ctx -> {
                    List<Comment> comments = new ArrayList<>(CommentSteps.comments(ctx));
                    comments.add(ctx.require(NEW_COMMENT));
                    comments.sort(Comment.OLDEST_FIRST);
                    return html(201, BlogFragments.comments(postId(ctx), comments, Html.empty(), "", ""));
                });

        htmx = Step.named("serve_htmx")
                .run(ctx -> Decision.done(htmxScript.answer(ctx.header("If-None-Match").orElse(""))));
    }

    private static Decision.Done html(int status, Html html) {
        return Decision.done(Response.html(status, html.markup()));
    }

    /** The DB's failure when the read failed otherwise than by absence; {@code absent} when absent. */
    private static Decision failedOr(StepContext ctx, Supplier<Decision> absent) {
        Optional<ZerverError> cause = PostSteps.failure(ctx);
        return cause.isPresent() ? Decision.fail(cause.get()) : absent.get();
    }

    private static Decision refused(ZerverException e, Html fragment) {
        if (e.error().kind() != ErrorKind.INVALID_INPUT) {
            throw e;
        }
        return html(400, fragment);
    }
}
