package io.zerver.core.route;

/**
 * Declares routes and flows: the one interface a feature implements. In a Spring application,
 * define one or more as beans; they are applied in {@code @Order} order to one
 * {@link RouteTable.Builder}, validated at start-up, and served by the engine. A feature jar
 * needs only this module to implement it.
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
