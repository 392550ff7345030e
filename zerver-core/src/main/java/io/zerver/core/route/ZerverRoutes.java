package io.zerver.core.route;

/**
 * Declares routes and flows: the one interface a feature implements. In a Spring application,
 * define one or more as beans; they are applied in {@code @Order} order to one
 * {@link RouteTable.Builder}, validated at start-up, and served by the engine. A feature jar
 * needs only this module to implement it.
 *
 * <p>A global {@link RouteTable.Builder#before before(...)} step runs on every route of the
 * builder it is declared on. Embedded, all {@code ZerverRoutes} beans of the application share
 * one builder, so it runs on the routes of every bean. In the supervisor each feature version
 * registers into a table of its own and the tables are merged ({@link RouteTable#merge}), so a
 * feature's global steps run on its own routes only, never on another feature's.
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
