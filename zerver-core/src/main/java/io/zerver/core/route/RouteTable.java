package io.zerver.core.route;

import static java.util.Objects.requireNonNull;

import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.pipeline.PipelineValidationException;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The routes and flows of an application, built once and matched on every
 * request. Immutable and thread-safe.
 *
 * <pre>{@code
 * RouteTable routes = RouteTable.builder()
 *         .before(requestId)
 *         .get("/todos", r -> r.steps(list))
 *         .get("/todos/:id", r -> r.before(auth).steps(load, render))
 *         .flow("checkout", "POST", r -> r.steps(reserve, charge))
 *         .build();
 * }</pre>
 *
 * <p>A path matches a pattern with as many segments, every literal segment equal to the raw
 * path segment and every {@code :param} segment non-empty; one trailing slash is ignored.
 * Among the patterns that match, more literal segments win, then fewer parameters, then the
 * earlier declaration; precedence is applied per method.
 */
public final class RouteTable {

    static final String GET = "GET";
    static final String HEAD = "HEAD";
    static final String OPTIONS = "OPTIONS";

    /** Where flows are mounted. */
    static final String FLOW_PREFIX = "/flow/v1/";

    private static final RouteTable EMPTY = new RouteTable(List.of());
    private static final RouteMatch NOT_FOUND = new RouteMatch.NotFound();

    private final List<Route> routes;
    /** The routes by segment count; {@code null} where no pattern has that many segments. */
    private final RouteBucket[] buckets;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
        Map<Integer, List<Route>> bySegments = new HashMap<>();
        int max = -1;
        for (Route r : routes) {
            int count = r.compiledPattern().segmentCount();
            bySegments.computeIfAbsent(count, c -> new ArrayList<>()).add(r);
            max = Math.max(max, count);
        }
        this.buckets = new RouteBucket[max + 1];
        bySegments.forEach((count, list) -> buckets[count] = RouteBucket.of(list));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A table without routes: every path is not found. */
    public static RouteTable empty() {
        return EMPTY;
    }

    /**
     * Matches a request.
     *
     * @param method the request method, upper case
     * @param path the raw request path, without the query, not decoded
     */
    public RouteMatch match(String method, String path) {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        int end = PathSegments.end(path);
        if (end < 0) {
            return NOT_FOUND;
        }
        int count = PathSegments.count(path, end);
        RouteBucket bucket = count < buckets.length ? buckets[count] : null;
        if (bucket == null) {
            return NOT_FOUND;
        }
        int[] bounds = PathSegments.bounds(path, end, count);
        if (bounds == null) {
            return NOT_FOUND;
        }
        Route route = bucket.first(method, path, bounds);
        if (route != null) {
            return found(route, path, bounds, false);
        }
        if (HEAD.equals(method)) {
            route = bucket.first(GET, path, bounds);
            if (route != null) {
                return found(route, path, bounds, true);
            }
        }
        Set<String> allowed = bucket.allowed(path, bounds);
        if (allowed.isEmpty()) {
            return NOT_FOUND;
        }
        return OPTIONS.equals(method) ? new RouteMatch.Options(allowed) : new RouteMatch.MethodNotAllowed(allowed);
    }

    private static RouteMatch found(Route route, String path, int[] bounds, boolean headFromGet) {
        try {
            return new RouteMatch.Found(route, route.compiledPattern().params(path, bounds), headFromGet);
        }
        catch (MalformedPathException ex) {
            return new RouteMatch.BadPath(ex.getMessage());
        }
    }

    /**
     * This table with {@code attachment} on every route: a match then yields it with the route
     * ({@link Route#attachment(Class)}). The routes keep their pipelines; nothing is built or
     * validated again.
     */
    public RouteTable attach(Object attachment) {
        requireNonNull(attachment, "attachment");
        if (routes.isEmpty()) {
            return this;
        }
        List<Route> attached = new ArrayList<>(routes.size());
        for (Route r : routes) {
            attached.add(new Route(r, r.order(), attachment));
        }
        return new RouteTable(Collections.unmodifiableList(attached));
    }

    /**
     * One table serving the routes of {@code tables}, each route as its own table built it: its
     * pipeline (with that table's global before-chain, no other's), deadline and attachment.
     * Nothing is registered or validated again; only the tables' routes are checked against
     * each other. Precedence is that of one table whose routes were declared table after table,
     * in list order.
     *
     * @throws IllegalArgumentException when two tables declare one method and pattern (parameter
     *         names aside); the message names each table by its routes' attachment
     */
    public static RouteTable merge(List<RouteTable> tables) {
        requireNonNull(tables, "tables");
        Map<String, Route> byShape = new HashMap<>();
        List<Route> merged = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            for (Route r : requireNonNull(tables.get(t), "table").routes) {
                String shape = r.method() + " " + r.compiledPattern().shape();
                Route previous = byShape.putIfAbsent(shape, r);
                if (previous != null) {
                    throw new IllegalArgumentException(r.name() + " is declared by both " + owner(previous, tables)
                            + (previous.name().equals(r.name()) ? "" : " (as " + previous.name() + ")") + " and "
                            + owner(r, tables) + " (expected: one route per method and pattern)");
                }
                merged.add(new Route(r, merged.size(), r.attachment()));
            }
        }
        return merged.isEmpty() ? EMPTY : new RouteTable(Collections.unmodifiableList(merged));
    }

    private static String owner(Route route, List<RouteTable> tables) {
        Object attachment = route.attachment();
        if (attachment != null) {
            return attachment.toString();
        }
        for (int t = 0; t < tables.size(); t++) {
            if (tables.get(t).routes.contains(route)) {
                return "table #" + (t + 1);
            }
        }
        return "a table";
    }

    /** The routes and flows in declaration order. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The methods a path accepts, sorted: those of the routes whose patterns match it, plus
     * {@code HEAD} when {@code GET} is among them and {@code OPTIONS}. Empty when no route
     * matches the path.
     */
    public Set<String> allowedMethods(String path) {
        requireNonNull(path, "path");
        int end = PathSegments.end(path);
        if (end < 0) {
            return Set.of();
        }
        int count = PathSegments.count(path, end);
        RouteBucket bucket = count < buckets.length ? buckets[count] : null;
        int[] bounds = bucket == null ? null : PathSegments.bounds(path, end, count);
        return bounds == null ? Set.of() : bucket.allowed(path, bounds);
    }

    @Override
    public String toString() {
        return "RouteTable" + routes;
    }

    /** Declares routes, flows and the global before-chain. */
    public static final class Builder {

        private final List<Step> global = new ArrayList<>();
        private final List<Declaration> declarations = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends to the global before-chain, which runs first on every route and flow of this
         * builder's table, those declared before it included (a table merged with others keeps
         * its chain to its own routes: {@link RouteTable#merge}).
         */
        public Builder before(Step... steps) {
            requireNonNull(steps, "steps");
            for (Step s : steps) {
                global.add(requireNonNull(s, "step"));
            }
            return this;
        }

        /**
         * Declares a route.
         *
         * @param method the method, any case: it is upper-cased
         * @param pattern {@code /todos/:id}: literal and {@code :param} segments
         * @param spec declares the route's steps and deadline
         */
        public Builder route(String method, String pattern, Consumer<RouteSpec> spec) {
            requireNonNull(method, "method");
            requireNonNull(pattern, "pattern");
            declarations.add(new Declaration(method, pattern, false, configure(spec)));
            return this;
        }

        public Builder get(String pattern, Consumer<RouteSpec> spec) {
            return route(GET, pattern, spec);
        }

        public Builder post(String pattern, Consumer<RouteSpec> spec) {
            return route("POST", pattern, spec);
        }

        public Builder put(String pattern, Consumer<RouteSpec> spec) {
            return route("PUT", pattern, spec);
        }

        public Builder patch(String pattern, Consumer<RouteSpec> spec) {
            return route("PATCH", pattern, spec);
        }

        public Builder delete(String pattern, Consumer<RouteSpec> spec) {
            return route("DELETE", pattern, spec);
        }

        /**
         * Declares a flow, mounted at {@code /flow/v1/<slug>}.
         *
         * @param slug {@code [a-z0-9][a-z0-9-]*}
         * @param method the method, any case: it is upper-cased
         * @param spec declares the flow's steps and deadline
         */
        public Builder flow(String slug, String method, Consumer<RouteSpec> spec) {
            requireNonNull(slug, "slug");
            requireNonNull(method, "method");
            declarations.add(new Declaration(method, slug, true, configure(spec)));
            return this;
        }

        private static RouteSpec configure(Consumer<RouteSpec> spec) {
            requireNonNull(spec, "spec");
            RouteSpec routeSpec = new RouteSpec();
            spec.accept(routeSpec);
            return routeSpec;
        }

        /**
         * Builds the table and the pipeline of every route.
         *
         * @throws IllegalArgumentException on a bad method, pattern or slug, or two routes with
         *         one method and pattern
         * @throws PipelineValidationException when a route's pipeline breaks a rule
         */
        public RouteTable build() {
            if (declarations.isEmpty()) {
                return EMPTY;
            }
            List<Step> globalSteps = List.copyOf(global);
            Map<String, Route> byShape = new HashMap<>();
            List<Route> routes = new ArrayList<>(declarations.size());
            for (int i = 0; i < declarations.size(); i++) {
                Declaration d = declarations.get(i);
                String method = method(d.method());
                if (!d.flow() && (d.target().equals("/flow") || d.target().startsWith("/flow/"))) {
                    throw new IllegalArgumentException("route #" + (i + 1) + " '" + Route.name(method, d.target())
                            + "' is under /flow/ (expected: flows, declared with flow(slug, method, spec), own it)");
                }
                RoutePattern pattern = RoutePattern.parse(d.flow() ? FLOW_PREFIX + slug(d.target()) : d.target());
                String name = Route.name(method, pattern.pattern());
                Route previous = byShape.get(method + " " + pattern.shape());
                if (previous != null) {
                    throw new IllegalArgumentException("route #" + (i + 1) + " '" + name + "' duplicates route #"
                            + (previous.order() + 1) + " '" + previous.name()
                            + "' (expected: one route per method and pattern)");
                }
                Pipeline pipeline = Pipeline.of(name, globalSteps, d.spec().beforeSteps(), d.spec().mainSteps());
                Route route = new Route(method, pattern, pipeline, d.spec(), d.flow(), i);
                byShape.put(method + " " + pattern.shape(), route);
                routes.add(route);
            }
            return new RouteTable(Collections.unmodifiableList(routes));
        }

        private static String method(String method) {
            boolean valid = !method.isEmpty();
            for (int i = 0; i < method.length() && valid; i++) {
                char c = method.charAt(i);
                valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_';
            }
            if (!valid) {
                throw new IllegalArgumentException("method: '" + method + "' (expected: an HTTP method such as GET)");
            }
            return method.toUpperCase(Locale.ROOT);
        }

        private static String slug(String slug) {
            boolean valid = !slug.isEmpty() && slug.charAt(0) != '-';
            for (int i = 0; i < slug.length() && valid; i++) {
                char c = slug.charAt(i);
                valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            }
            if (!valid) {
                throw new IllegalArgumentException("slug: '" + slug + "' (expected: [a-z0-9][a-z0-9-]*)");
            }
            return slug;
        }

        /** A route or flow as declared; {@code target} is the pattern or the slug. */
        private record Declaration(String method, String target, boolean flow, RouteSpec spec) {
        }
    }
}
