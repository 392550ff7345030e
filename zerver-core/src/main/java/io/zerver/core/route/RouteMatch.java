package io.zerver.core.route;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of {@link RouteTable#match}: a route, or why there is none. Taken apart with
 * an exhaustive {@code switch}.
 */
public sealed interface RouteMatch {

    /**
     * A route serves the request.
     *
     * @param route the route
     * @param params the decoded path parameters by name, unmodifiable, empty when there are none
     * @param headFromGet whether a {@code HEAD} request is served by the {@code GET} route
     *        (the response must be sent without a body)
     */
    record Found(Route route, Map<String, String> params, boolean headFromGet) implements RouteMatch {

        public Found {
            requireNonNull(route, "route");
            params = Map.copyOf(requireNonNull(params, "params"));
        }
    }

    /** No route matches the path: 404. */
    record NotFound() implements RouteMatch {
    }

    /**
     * Routes match the path, none with this method: 405 with {@code Allow}.
     *
     * @param allowed the methods the path accepts, sorted
     */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {

        public MethodNotAllowed {
            allowed = sorted(allowed);
        }
    }

    /**
     * {@code OPTIONS} on a path with no explicit {@code OPTIONS} route: answer with {@code Allow}.
     *
     * @param allowed the methods the path accepts, sorted
     */
    record Options(Set<String> allowed) implements RouteMatch {

        public Options {
            allowed = sorted(allowed);
        }
    }

    /**
     * The path matches a route but cannot be decoded, a malformed percent-encoding in a
     * parameter: 400.
     *
     * @param reason what is wrong, naming the parameter
     */
    record BadPath(String reason) implements RouteMatch {

        public BadPath {
            requireNonNull(reason, "reason");
        }
    }

    private static Set<String> sorted(Set<String> allowed) {
        requireNonNull(allowed, "allowed");
        return Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
    }
}
