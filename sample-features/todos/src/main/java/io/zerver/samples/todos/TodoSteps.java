package io.zerver.samples.todos;

import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.Effects;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.Response;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.step.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the todos routes, and the slots they share. Every step is pure: the store is
 * reached through declared DB effects only, time and ids come from the context.
 *
 * <p>A missing todo answers {@code 404 {"what":"todo","key":<id>}}: the DB reads are
 * optional, so that their continuation sees the engine's {@code db} NotFound in
 * {@code ctx.lastError()} and answers with the feature's own error instead; any other
 * failure (the store down, a timeout) is passed on as it is.
 */
final class TodoSteps {

    /** The caller, from {@code X-User-ID}. */
    static final Slot<String> USER = Slot.of("user", String.class);
    /** A validated creation. */
    static final Slot<NewTodo> NEW_TODO = Slot.of("new_todo", NewTodo.class);
    /** The validated fields of a PATCH or PUT. */
    static final Slot<TodoChanges> CHANGES = Slot.of("todo_changes", TodoChanges.class);
    /** The fingerprint of the first creation under the caller's {@code Idempotency-Key}. */
    static final Slot<String> FIRST_REQUEST = Slot.of("first_request", String.class);
    /** A todo as stored (JSON text), when the DB had it. */
    static final Slot<String> STORED = Slot.of("stored_todo", String.class);
    /** The user's todos, as scanned. */
    static final Slot<List<KeyValue>> ROWS = Slot.ofRaw("todo_rows", List.class);
    /** A todo after a PATCH or PUT. */
    static final Slot<Todo> UPDATED = Slot.of("updated_todo", Todo.class);
    /** Whether a deleted todo existed. */
    static final Slot<Boolean> DELETED = Slot.of("todo_deleted", Boolean.class);

    /** The most todos one list answers: the store's largest scan. */
    static final int LIST_LIMIT = 1000;
    /**
     * For the effects that are safe to repeat: reads, and the create write that carries an
     * idempotency key. Only transient failures (store busy or down, a timeout) are retried.
     */
    static final RetryPolicy RETRY = RetryPolicy.exponential(3, Duration.ofMillis(25));

    // ---- every route ----

    /**
     * Requires one {@code X-User-ID}: missing or blank is 401 auth/missing_user, repeated is 401
     * auth/repeated_user (behind a proxy that appends the user it authenticated, the first value
     * would be the client's own).
     */
    static final Step AUTH = Step.named("auth").writes(USER).run(ctx -> {
        if (ctx.headers().all("X-User-ID").size() > 1) {
            return Decision.fail(ErrorKind.UNAUTHORIZED, "auth", "repeated_user");
        }
        String user = ctx.header("X-User-ID").map(String::strip).orElse("");
        if (user.isEmpty()) {
            return Decision.fail(ErrorKind.UNAUTHORIZED, "auth", "missing_user");
        }
        ctx.put(USER, user);
        return Decision.next();
    });

    // ---- GET /todos ----

    static final Step LIST = Step.named("list_todos").reads(USER).writes(ROWS)
            .run(ctx -> Decision.need(Effects.dbScan(TodoKeys.prefix(ctx.require(USER)), LIST_LIMIT).into(ROWS)
                    .retry(RETRY)));

    static final Step RENDER_LIST = Step.named("render_todos").reads(ROWS).run(ctx -> {
        List<Todo> todos = ctx.require(ROWS).stream().map(row -> Todo.fromJson(row.value())).toList();
        return Decision.done(Response.json(200, TodoJson.list(todos)));
    });

    // ---- POST /todos ----

    /**
     * Answers 201 with the stored todo. With an {@code Idempotency-Key} that is what the
     * first request stored (a repeat wrote nothing); 404 when it has since been deleted.
     */
    static final Step RENDER_CREATED = Step.named("render_created").reads(NEW_TODO, STORED).run(ctx -> {
        NewTodo created = ctx.require(NEW_TODO);
        String id = created.todo().id();
        String body;
        if (created.idempotencyKey() == null) {
            body = created.todo().toJson();
        } else {
            Optional<String> stored = ctx.optional(STORED);
            if (stored.isEmpty()) {
                return notFound(ctx, id);
            }
            body = stored.get();
        }
        return Decision.done(Response.json(201, body).withHeader("Location", "/todos/" + id));
    });

    /**
     * Checks the body and builds the todo. With an {@code Idempotency-Key} its id is derived
     * from user and key (a repeat targets the same record); without, it is a fresh id.
     */
    static final Step VALIDATE_NEW = Step.named("validate_new_todo").reads(USER).writes(NEW_TODO).run(ctx -> {
        TodoChanges fields = TodoJson.creation(ctx);
        String idempotencyKey = TodoJson.idempotencyKey(ctx);
        String user = ctx.require(USER);
        String id = idempotencyKey == null ? ctx.newId() : TodoKeys.idempotentId(user, idempotencyKey);
        ctx.put(NEW_TODO, new NewTodo(TodoJson.newTodo(id, fields, ctx.now()),
                idempotencyKey == null ? null : TodoKeys.createIdempotencyKey(id)));
        return Decision.next();
    });

    /**
     * With an {@code Idempotency-Key}, records what this creation asks for (its
     * {@link TodoKeys#fingerprint}) unless a first request already did, and reads back the one
     * recorded: the store applies the write at most once per key, so the first request's
     * fingerprint wins, also against a concurrent one. Without a key, nothing to do.
     *
     * <p>A todo created under a key before fingerprints were recorded has none: the first request
     * with that key since records its own, is answered as a repeat (the first todo, as before),
     * and from then on another body under that key is 422.
     */
    static final Step CLAIM = Step.named("claim_idempotency_key").reads(USER, NEW_TODO).writes(FIRST_REQUEST)
            .run(ctx -> {
                NewTodo created = ctx.require(NEW_TODO);
                if (created.idempotencyKey() == null) {
                    return Decision.next();
                }
                String id = created.todo().id();
                String key = TodoKeys.requestKey(ctx.require(USER), id);
                return Decision.need(Effects.dbPut(key, TodoKeys.fingerprint(created.todo()))
                                        .idempotencyKey(TodoKeys.requestIdempotencyKey(id)).retry(RETRY),
                                Effects.dbGet(key).into(FIRST_REQUEST).retry(RETRY))
                        .sequential();
            });

    /**
     * Stores the todo. With an {@code Idempotency-Key} first used for another creation, it is
     * 422 idempotency/key_reused and nothing is written. An idempotent write is applied at most
     * once per key, so it is followed by a read of what the store holds: the first request's
     * todo on a repeat.
     */
    static final Step CREATE = Step.named("create_todo").reads(USER, NEW_TODO, FIRST_REQUEST).writes(STORED)
            .continuesWith(RENDER_CREATED)
            .run(ctx -> {
                NewTodo created = ctx.require(NEW_TODO);
                if (created.idempotencyKey() != null
                        && !ctx.require(FIRST_REQUEST).equals(TodoKeys.fingerprint(created.todo()))) {
                    return Decision.fail(ErrorKind.UNPROCESSABLE_CONTENT, "idempotency", "key_reused");
                }
                String key = TodoKeys.key(ctx.require(USER), created.todo().id());
                DbPut put = Effects.dbPut(key, created.todo().toJson());
                if (created.idempotencyKey() == null) {
                    return Decision.need(put).then(RENDER_CREATED);
                }
                return Decision.need(put.idempotencyKey(created.idempotencyKey()).retry(RETRY),
                                Effects.dbGet(key).into(STORED).optional().retry(RETRY))
                        .sequential()
                        .then(RENDER_CREATED);
            });

    // ---- GET /todos/:id ----

    static final Step RENDER_TODO = Step.named("render_todo").reads(STORED).run(ctx -> {
        Optional<String> stored = ctx.optional(STORED);
        return stored.isPresent() ? Decision.done(Response.json(200, stored.get())) : notFound(ctx, id(ctx));
    });

    static final Step LOAD = load("load_todo", RENDER_TODO);

    // ---- PATCH and PUT /todos/:id ----

    static final Step VALIDATE_PATCH = Step.named("validate_patch").writes(CHANGES).run(ctx -> {
        ctx.put(CHANGES, TodoJson.patch(ctx));
        return Decision.next();
    });

    static final Step VALIDATE_REPLACEMENT = Step.named("validate_replacement").writes(CHANGES).run(ctx -> {
        ctx.put(CHANGES, TodoJson.replacement(ctx));
        return Decision.next();
    });

    static final Step RENDER_UPDATED = Step.named("render_updated").reads(UPDATED)
            .run(ctx -> Decision.done(Response.json(200, ctx.require(UPDATED).toJson())));

    /** Applies the changes to the loaded todo and stores it; 404 when there is none. */
    static final Step APPLY = Step.named("apply_changes").reads(USER, CHANGES, STORED).writes(UPDATED)
            .continuesWith(RENDER_UPDATED)
            .run(ctx -> {
                Optional<String> stored = ctx.optional(STORED);
                if (stored.isEmpty()) {
                    return notFound(ctx, id(ctx));
                }
                Todo updated = Todo.fromJson(stored.get()).with(ctx.require(CHANGES));
                ctx.put(UPDATED, updated);
                return Decision.need(Effects.dbPut(TodoKeys.key(ctx.require(USER), updated.id()), updated.toJson()))
                        .then(RENDER_UPDATED);
            });

    static final Step LOAD_FOR_UPDATE = load("load_for_update", APPLY);

    // ---- DELETE /todos/:id ----

    static final Step DELETE = Step.named("delete_todo").reads(USER).writes(DELETED).run(ctx -> {
        String id = id(ctx);
        if (!TodoKeys.isValidId(id)) {
            return notFound(ctx, id);
        }
        return Decision.need(Effects.dbDelete(TodoKeys.key(ctx.require(USER), id)).into(DELETED));
    });

    static final Step RENDER_DELETED = Step.named("render_deleted").reads(DELETED).run(ctx ->
            ctx.require(DELETED) ? Decision.done(Response.noContent()) : notFound(ctx, id(ctx)));

    private TodoSteps() {
    }

    /** Reads the caller's todo {@code :id} into {@link #STORED}, optionally, then resumes with {@code then}. */
    private static Step load(String name, Step then) {
        return Step.named(name).reads(USER).writes(STORED).continuesWith(then).run(ctx -> {
            String id = id(ctx);
            if (!TodoKeys.isValidId(id)) {
                return notFound(ctx, id);
            }
            return Decision.need(Effects.dbGet(TodoKeys.key(ctx.require(USER), id)).into(STORED).optional()
                    .retry(RETRY)).then(then);
        });
    }

    private static String id(StepContext ctx) {
        return ctx.param("id").orElseThrow();
    }

    /**
     * 404 todo/{@code id} when the todo is absent (a malformed id, a false delete, or the
     * engine's db NotFound); the DB's own failure when it failed otherwise.
     */
    private static Decision notFound(StepContext ctx, String id) {
        Optional<ZerverError> cause = ctx.lastError();
        if (cause.isPresent() && cause.get().kind() != ErrorKind.NOT_FOUND) {
            return Decision.fail(cause.get());
        }
        return Decision.fail(ErrorKind.NOT_FOUND, TodoJson.WHAT, TodoKeys.isValidId(id) ? id : "invalid_id");
    }
}
