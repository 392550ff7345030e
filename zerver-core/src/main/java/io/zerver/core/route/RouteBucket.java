package io.zerver.core.route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The routes whose patterns have one segment count, sorted by precedence (more literal
 * segments, then fewer parameters, then declaration order) and indexed by method.
 */
final class RouteBucket {

    static final Comparator<Route> PRECEDENCE = Comparator
            .comparingInt((Route r) -> -r.compiledPattern().literalCount())
            .thenComparingInt(r -> r.compiledPattern().paramCount())
            .thenComparingInt(Route::order);

    private static final Route[] NONE = new Route[0];

    private final Route[] all;
    private final Map<String, Route[]> byMethod;

    private RouteBucket(Route[] all, Map<String, Route[]> byMethod) {
        this.all = all;
        this.byMethod = byMethod;
    }

    /** A bucket of {@code routes}, which all have one segment count. */
    static RouteBucket of(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(PRECEDENCE);
        Map<String, List<Route>> grouped = new HashMap<>();
        for (Route r : sorted) {
            grouped.computeIfAbsent(r.method(), m -> new ArrayList<>()).add(r);
        }
        Map<String, Route[]> byMethod = new HashMap<>();
        grouped.forEach((method, list) -> byMethod.put(method, list.toArray(NONE)));
        return new RouteBucket(sorted.toArray(NONE), byMethod);
    }

    /** The route of highest precedence for {@code method} whose pattern matches, if any. */
    @Nullable Route first(String method, String path, int[] bounds) {
        Route[] candidates = byMethod.get(method);
        if (candidates == null) {
            return null;
        }
        for (Route r : candidates) {
            if (r.compiledPattern().matches(path, bounds)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The methods of the routes whose patterns match, plus {@code HEAD} when {@code GET} is
     * among them and {@code OPTIONS}; empty when no pattern matches.
     */
    SortedSet<String> allowed(String path, int[] bounds) {
        SortedSet<String> allowed = null;
        for (Route r : all) {
            if (r.compiledPattern().matches(path, bounds)) {
                if (allowed == null) {
                    allowed = new TreeSet<>();
                }
                allowed.add(r.method());
            }
        }
        if (allowed == null) {
            return Collections.emptySortedSet();
        }
        if (allowed.contains(RouteTable.GET)) {
            allowed.add(RouteTable.HEAD);
        }
        allowed.add(RouteTable.OPTIONS);
        return Collections.unmodifiableSortedSet(allowed);
    }
}
