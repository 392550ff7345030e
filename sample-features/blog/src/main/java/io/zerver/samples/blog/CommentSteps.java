package io.zerver.samples.blog;

import static io.zerver.samples.blog.PostSteps.RETRY;
import static io.zerver.samples.blog.PostSteps.STORED;
import static io.zerver.samples.blog.PostSteps.postId;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The steps of the comment routes, and the cascade that deletes a post's comments with it.
 *
 * <p>A post holds at most {@value #MAX_PER_POST} comments (409 comment/too_many_comments
 * beyond). That bound is what lets a post's deletion remove all its comments within the
 * engine's per-request limits: one scan of up to {@value #SCAN_LIMIT} (room for comments that
 * raced past the check), then up to {@value #DELETE_BATCHES} needs of at most
 * {@value #DELETE_BATCH} deletes each, under the default 64 effects per need. The comments are
 * deleted before the post, so that a failure half-way leaves the post in place for a retry,
 * never comments without their post. A comment written while its post is being deleted can
 * still outlive it; it is unreachable (every comment route answers 404 without the post),
 * and a new post never has the old one's id.
 */
final class CommentSteps {

    /** A post's comments, as scanned. */
    static final Slot<List<KeyValue>> ROWS = Slot.ofRaw("comment_rows", List.class);
    /** A validated new comment. */
    static final Slot<Comment> NEW_COMMENT = Slot.of("new_comment", Comment.class);
    /** Whether a deleted comment existed. */
    static final Slot<Boolean> DELETED = Slot.of("comment_deleted", Boolean.class);

    /** The most comments a post takes. */
    static final int MAX_PER_POST = 200;
    /** The most comments one scan reads: a list, the count before a new one, a cascade. */
    static final int SCAN_LIMIT = 250;
    /** Deletes per need in the cascade, under the engine's default of 64 effects per need. */
    static final int DELETE_BATCH = 50;
    static final int DELETE_BATCHES = SCAN_LIMIT / DELETE_BATCH;

    // ---- loading, for the API and the pages ----

    /**
     * Reads the post and scans its comments, together. A malformed post id loads nothing:
     * the post stays absent.
     */
    static final Step LOAD_POST_AND_COMMENTS = Step.named("load_post_and_comments").writes(STORED, ROWS)
            .run(ctx -> {
                String postId = postId(ctx);
                if (!BlogKeys.isValidId(postId)) {
                    return Decision.next();
                }
                return Decision.need(
                        Effects.dbGet(BlogKeys.post(postId)).into(STORED).optional().retry(RETRY),
                        Effects.dbScan(BlogKeys.comments(postId), SCAN_LIMIT).into(ROWS).retry(RETRY));
            });

    // ---- GET /blogs/api/posts/:post_id/comments ----

    static final Step RENDER_LIST = Step.named("render_comments").reads(STORED, ROWS).run(ctx -> {
        if (ctx.optional(STORED).isEmpty()) {
            return PostSteps.absent(ctx);
        }
        return Decision.done(Response.json(200, Json.write(comments(ctx).stream().map(Comment::toMap).toList())));
    });

    // ---- POST /blogs/api/posts/:post_id/comments ----

    static final Step VALIDATE_NEW = Step.named("validate_new_comment").writes(NEW_COMMENT).run(ctx -> {
        ctx.put(NEW_COMMENT, BlogBodies.newComment(ctx.newId(), postId(ctx),
                BlogBodies.json(ctx, BlogBodies.COMMENT), ctx.now()));
        return Decision.next();
    });

    /** 404 without the post, 409 when it has its fill of comments. */
    static final Step REQUIRE_ROOM = Step.named("require_room_for_comment").reads(STORED, ROWS).run(ctx -> {
        if (ctx.optional(STORED).isEmpty()) {
            return PostSteps.absent(ctx);
        }
        if (ctx.require(ROWS).size() >= MAX_PER_POST) {
            return Decision.fail(ErrorKind.CONFLICT, BlogBodies.COMMENT, "too_many_comments");
        }
        return Decision.next();
    });

    /** Stores the new comment; shared with the page form. */
    static final Step CREATE = Step.named("create_comment").reads(NEW_COMMENT).run(ctx -> {
        Comment comment = ctx.require(NEW_COMMENT);
        return Decision.need(Effects.dbPut(BlogKeys.comment(comment.postId(), comment.id()), comment.toJson()));
    });

    static final Step RENDER_CREATED = Step.named("render_created_comment").reads(NEW_COMMENT).run(ctx -> {
        Comment comment = ctx.require(NEW_COMMENT);
        return Decision.done(Response.json(201, comment.toJson())
                .withHeader("Location", PostSteps.location(comment.postId()) + "/comments/" + comment.id()));
    });

    // ---- DELETE /blogs/api/posts/:post_id/comments/:comment_id ----

    static final Step DELETE = Step.named("delete_comment").writes(DELETED).run(ctx -> {
        String postId = postId(ctx);
        String commentId = commentId(ctx);
        if (!BlogKeys.isValidId(postId) || !BlogKeys.isValidId(commentId)) {
            return Decision.next();
        }
        return Decision.need(Effects.dbDelete(BlogKeys.comment(postId, commentId)).into(DELETED));
    });

    static final Step RENDER_DELETED = Step.named("render_deleted_comment").reads(DELETED).run(ctx -> {
        if (ctx.optional(DELETED).orElse(false)) {
            return Decision.done(Response.noContent());
        }
        String commentId = commentId(ctx);
        return Decision.fail(ErrorKind.NOT_FOUND, BlogBodies.COMMENT,
                BlogKeys.isValidId(commentId) ? commentId : "invalid_id");
    });

    // ---- the cascade of DELETE /blogs/api/posts/:id ----

    /** Batch {@code i} deletes the loaded comments {@code [i * 50, (i + 1) * 50)}; nothing left, it goes on. */
    static final List<Step> CASCADE = IntStream.range(0, DELETE_BATCHES)
            .mapToObj(CommentSteps::deleteBatch).toList();

    private CommentSteps() {
    }

    /** The loaded comments, oldest first. */
    static List<Comment> comments(StepContext ctx) {
        return ctx.require(ROWS).stream().map(row -> Comment.fromJson(row.value()))
                .sorted(Comment.OLDEST_FIRST).toList();
    }

    private static Step deleteBatch(int batch) {
        return Step.named("delete_comments_" + batch).reads(ROWS).run(ctx -> {
            List<KeyValue> rows = ctx.require(ROWS);
            int from = batch * DELETE_BATCH;
            if (from >= rows.size()) {
                return Decision.next();
            }
            List<Effect> deletes = new ArrayList<>();
            for (KeyValue row : rows.subList(from, Math.min(rows.size(), from + DELETE_BATCH))) {
                deletes.add(Effects.dbDelete(row.key()));
            }
            return Decision.need(deletes);
        });
    }

    private static String commentId(StepContext ctx) {
        return ctx.param("comment_id").orElseThrow();
    }
}
