package io.zerver.autoconfigure.engine;

import io.zerver.core.route.RouteTable;

/**
 * Declares routes and flows. Define one or more as beans; they are applied in
 * {@link org.springframework.core.annotation.Order} order to one {@link RouteTable.Builder},
 * validated at start-up, and served by the engine.
 *
 * <pre>{@code
 * @Bean
 * ZerverRoutes todoRoutes() {
 *     return routes -> routes
 *             .before(auth)
 *             .get("/todos/:id", r -> r.steps(loadTodo));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ZerverRoutes {

    void register(RouteTable.Builder routes);
}
