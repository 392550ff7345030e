package io.zerver.core.route;

import java.util.function.Supplier;

/**
 * Where the engine reads its routes from when they change while the application runs (the
 * supervisor's features come and go). Define one as a bean and the engine asks it for the
 * current table on every request; without one the engine serves the table built from the
 * {@link ZerverRoutes} beans at start-up.
 */
@FunctionalInterface
public interface RouteTableSource extends Supplier<RouteTable> {

    /** The table to serve now; called on every request, so it must be cheap. */
    @Override
    RouteTable get();
}
