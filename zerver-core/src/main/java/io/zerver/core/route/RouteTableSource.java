package io.zerver.core.route;

import java.util.function.Supplier;

/**
 * Where the engine reads its routes from when they change while the application runs (the
 * supervisor's features come and go). Define one as a bean and the engine's
 * {@code routes()} (what the actuator and the health show) is its current table, and so is
 * what {@code Engine.handle(request)} matches on; without one the engine serves the table built
 * from the {@link ZerverRoutes} beans at start-up, which is then also checked against
 * {@code zerver.debug.routes}. A host that matches requests itself and passes the match to
 * {@code Engine.handle(request, match)} (the supervisor, which needs the matched route's
 * feature version first) still defines one, so that the engine shows the table it serves.
 */
@FunctionalInterface
public interface RouteTableSource extends Supplier<RouteTable> {

    /** The table to serve now; called on every request, so it must be cheap. */
    @Override
    RouteTable get();
}
