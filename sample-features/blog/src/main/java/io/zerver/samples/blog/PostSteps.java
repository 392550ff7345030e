package io.zerver.samples.blog;

import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Response;
import io.zerver.core.json.Json;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the post routes of the JSON API, the slots they share with the pages, and the
 * loading steps both use. Every step is pure: the store is reached through declared DB
 * effects only, time and ids come from the context.
 *
 * <p>Absence is never decided by a loading step: a malformed id loads nothing, and a missing
 * post leaves {@link #STORED} unset (the DB read is optional, so the engine's {@code db}
 * NotFound lands in {@code ctx.lastError()} instead of failing the request). The step that
 * answers decides: 404 {@code {"what":"post","key":<id>}} in the API, a 404 page in HTML. Any
 * other failure (the store down, a timeout) is passed on as it is.
 */
final class PostSteps {

    /** Every post, as scanned. */
    static final Slot<List<KeyValue>> ROWS = Slot.ofRaw("post_rows", List.class);
    /** A post as stored (JSON text), when the DB had it. */
    static final Slot<String> STORED = Slot.of("stored_post", String.class);
    /** A validated new post. */
    static final Slot<Post> NEW_POST = Slot.of("new_post", Post.class);
    /** The validated fields of a PATCH or PUT. */
    static final Slot<PostChanges> CHANGES = Slot.of("post_changes", PostChanges.class);
    /** A post after a PATCH or PUT. */
    static final Slot<Post> UPDATED = Slot.of("updated_post", Post.class);
    /** Whether a deleted post existed. */
    static final Slot<Boolean> DELETED = Slot.of("post_deleted", Boolean.class);

    /** The most posts one list answers: the store's largest scan. */
    static final int LIST_LIMIT = 1000;
    /** For the reads: only transient failures (store busy or down, a timeout) are retried. */
    static final RetryPolicy RETRY = RetryPolicy.exponential(3, Duration.ofMillis(25));

    // ---- loading, for the API and the pages ----

    /** Scans every post into {@link #ROWS}. */
    static final Step LIST = Step.named("list_posts").writes(ROWS)
            .run(ctx -> Decision.need(Effects.dbScan(BlogKeys.POSTS, LIST_LIMIT).into(ROWS).retry(RETRY)));

    /** Reads post {@code :id} into {@link #STORED}, when it has an id's shape and exists. */
    static final Step LOAD = Step.named("load_post").writes(STORED).run(ctx -> {
        String id = postId(ctx);
        if (!BlogKeys.isValidId(id)) {
            return Decision.next();
        }
        return Decision.need(Effects.dbGet(BlogKeys.post(id)).into(STORED).optional().retry(RETRY));
    });

    // ---- GET /blogs/api/posts ----

    static final Step RENDER_LIST = Step.named("render_posts").reads(ROWS).run(ctx ->
            Decision.done(Response.json(200, Json.write(
                    posts(ctx.require(ROWS)).stream().map(Post::toMap).toList()))));

    // ---- POST /blogs/api/posts ----

    static final Step VALIDATE_NEW = Step.named("validate_new_post").writes(NEW_POST).run(ctx -> {
        ctx.put(NEW_POST, BlogBodies.newPost(ctx.newId(), BlogBodies.json(ctx, BlogBodies.POST), ctx.now()));
        return Decision.next();
    });

    /** Stores the new post; shared with the page form. */
    static final Step CREATE = Step.named("create_post").reads(NEW_POST).run(ctx -> {
        Post post = ctx.require(NEW_POST);
        return Decision.need(Effects.dbPut(BlogKeys.post(post.id()), post.toJson()));
    });

    static final Step RENDER_CREATED = Step.named("render_created_post").reads(NEW_POST).run(ctx -> {
        Post post = ctx.require(NEW_POST);
        return Decision.done(Response.json(201, post.toJson()).withHeader("Location", location(post.id())));
    });

    // ---- GET /blogs/api/posts/:id ----

    static final Step RENDER_POST = Step.named("render_post").reads(STORED).run(ctx -> {
        Optional<String> stored = ctx.optional(STORED);
        return stored.isPresent() ? Decision.done(Response.json(200, stored.get())) : absent(ctx);
    });

    // ---- PATCH and PUT /blogs/api/posts/:id ----

    static final Step VALIDATE_PATCH = Step.named("validate_post_patch").writes(CHANGES).run(ctx -> {
        ctx.put(CHANGES, BlogBodies.patch(BlogBodies.json(ctx, BlogBodies.POST)));
        return Decision.next();
    });

    static final Step VALIDATE_REPLACEMENT = Step.named("validate_post_replacement").writes(CHANGES).run(ctx -> {
        ctx.put(CHANGES, BlogBodies.replacement(BlogBodies.json(ctx, BlogBodies.POST)));
        return Decision.next();
    });

    /** Applies the changes to the loaded post and stores it; 404 when there is none. */
    static final Step APPLY = Step.named("apply_post_changes").reads(CHANGES, STORED).writes(UPDATED).run(ctx -> {
        Optional<String> stored = ctx.optional(STORED);
        if (stored.isEmpty()) {
            return absent(ctx);
        }
        Post updated = Post.fromJson(stored.get()).with(ctx.require(CHANGES), ctx.now());
        ctx.put(UPDATED, updated);
        return Decision.need(Effects.dbPut(BlogKeys.post(updated.id()), updated.toJson()));
    });

    static final Step RENDER_UPDATED = Step.named("render_updated_post").reads(UPDATED)
            .run(ctx -> Decision.done(Response.json(200, ctx.require(UPDATED).toJson())));

    // ---- DELETE /blogs/api/posts/:id (the comments go first: see CommentSteps.DELETE_BATCHES) ----

    /** 404 unless the post was loaded. */
    static final Step REQUIRE = Step.named("require_post").reads(STORED)
            .run(ctx -> ctx.optional(STORED).isPresent() ? Decision.next() : absent(ctx));

    /** Deletes the post itself, last, once its comments are gone. */
    static final Step DELETE = Step.named("delete_post").writes(DELETED)
            .run(ctx -> Decision.need(Effects.dbDelete(BlogKeys.post(postId(ctx))).into(DELETED)));

    /** 204; 404 when another request deleted the post in the meantime. */
    static final Step RENDER_DELETED = Step.named("render_deleted_post").reads(DELETED).run(ctx ->
            ctx.require(DELETED) ? Decision.done(Response.noContent()) : absent(ctx));

    private PostSteps() {
    }

    /** The post of the route: {@code :id} on post routes, {@code :post_id} on comment routes. */
    static String postId(StepContext ctx) {
        return ctx.param("post_id").or(() -> ctx.param("id")).orElseThrow();
    }

    static String location(String id) {
        return "/blogs/api/posts/" + id;
    }

    /** The stored posts, newest first. */
    static List<Post> posts(List<KeyValue> rows) {
        return rows.stream().map(row -> Post.fromJson(row.value())).sorted(Post.NEWEST_FIRST).toList();
    }

    /**
     * 404 post/{@code id} (post/invalid_id when the id cannot exist) when the post is absent;
     * the DB's own failure when the read failed otherwise.
     */
    static Decision absent(StepContext ctx) {
        Optional<ZerverError> cause = failure(ctx);
        if (cause.isPresent()) {
            return Decision.fail(cause.get());
        }
        String id = postId(ctx);
        return Decision.fail(ErrorKind.NOT_FOUND, BlogBodies.POST, BlogKeys.isValidId(id) ? id : "invalid_id");
    }

    /** The failure of the last effect, unless it was the DB's NotFound, which means absent. */
    static Optional<ZerverError> failure(StepContext ctx) {
        return ctx.lastError().filter(error -> error.kind() != ErrorKind.NOT_FOUND);
    }
}
