package io.zerver.samples.todos;

import static io.zerver.samples.todos.TodoSteps.AUTH;
import static io.zerver.samples.todos.TodoSteps.CLAIM;
import static io.zerver.samples.todos.TodoSteps.CREATE;
import static io.zerver.samples.todos.TodoSteps.DELETE;
import static io.zerver.samples.todos.TodoSteps.LIST;
import static io.zerver.samples.todos.TodoSteps.LOAD;
import static io.zerver.samples.todos.TodoSteps.LOAD_FOR_UPDATE;
import static io.zerver.samples.todos.TodoSteps.RENDER_DELETED;
import static io.zerver.samples.todos.TodoSteps.RENDER_LIST;
import static io.zerver.samples.todos.TodoSteps.VALIDATE_NEW;
import static io.zerver.samples.todos.TodoSteps.VALIDATE_PATCH;
import static io.zerver.samples.todos.TodoSteps.VALIDATE_REPLACEMENT;

import io.zerver.core.route.ZerverRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The todos feature (docs/contract.md): a per-user todo list, stored through the DB key/value
 * effects.
 *
 * <pre>
 * GET    /todos        200 [todo, ...]        the caller's todos, oldest first
 * POST   /todos        201 todo + Location    {"title": "...", "done": false}; honours Idempotency-Key
 *                      | 422                  Idempotency-Key first used with another title or done
 * GET    /todos/:id    200 todo | 404
 * PATCH  /todos/:id    200 todo | 404         any of title, done
 * PUT    /todos/:id    200 todo | 404         title required, done defaults to false
 * DELETE /todos/:id    204 | 404
 * </pre>
 *
 * <p>{@code Idempotency-Key} is per user. A repeat (same user, key, title and {@code done})
 * answers the first result and creates nothing, even after a restart; the same key with another
 * title or {@code done} is 422 {@code idempotency/key_reused} and creates nothing, the first
 * todo intact.
 *
 * <p>Every route requires one {@code X-User-ID} (401 auth/missing_user without, auth/repeated_user
 * with two) through its own before-chain, not the global one, so the feature leaves the application's other routes
 * alone. Import this configuration into an application that has Zerver (the starter), or
 * drop the jar into the supervisor: it declares one {@link ZerverRoutes} bean and scans
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
public class TodosFeature {

    @Bean
    ZerverRoutes todosRoutes() {
        return routes -> routes
                .get("/todos", r -> r.before(AUTH).steps(LIST, RENDER_LIST))
                .post("/todos", r -> r.before(AUTH).steps(VALIDATE_NEW, CLAIM, CREATE))
                .get("/todos/:id", r -> r.before(AUTH).steps(LOAD))
                .patch("/todos/:id", r -> r.before(AUTH).steps(VALIDATE_PATCH, LOAD_FOR_UPDATE))
                .put("/todos/:id", r -> r.before(AUTH).steps(VALIDATE_REPLACEMENT, LOAD_FOR_UPDATE))
                .delete("/todos/:id", r -> r.before(AUTH).steps(DELETE, RENDER_DELETED));
    }
}
