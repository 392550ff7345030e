package io.zerver.supervisor.feature;

import io.zerver.core.route.ZerverRoutes;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the supervisor serves at one moment: the active versions, one route table built from
 * all of them, and which version owns each route. Immutable; replaced as a whole.
 */
public final class Routing {

    static final Routing EMPTY = new Routing(List.of(), RouteTable.empty(), Map.of());

    private final List<FeatureVersion> active;
    private final RouteTable table;
    private final Map<String, FeatureVersion> owners;

    private Routing(List<FeatureVersion> active, RouteTable table, Map<String, FeatureVersion> owners) {
        this.active = List.copyOf(active);
        this.table = table;
        this.owners = Map.copyOf(owners);
    }

    /**
     * The routing for {@code versions}, validated as one table (two features may not declare the
     * same route).
     *
     * @throws IllegalArgumentException when two versions declare the same route
     */
    static Routing of(List<FeatureVersion> versions) {
        List<ZerverRoutes> declarations = new ArrayList<>();
        Map<String, FeatureVersion> owners = new HashMap<>();
        for (FeatureVersion version : versions) {
            declarations.addAll(version.declarations());
            for (Route route : version.routes()) {
                FeatureVersion previous = owners.putIfAbsent(key(route.method(), route.pattern()), version);
                if (previous != null) {
                    throw new IllegalArgumentException(route.method() + " " + route.pattern() + " is declared by both "
                            + previous.name() + " and " + version.name());
                }
            }
        }
        return new Routing(versions, FeatureLoader.build(declarations), owners);
    }

    public List<FeatureVersion> active() {
        return active;
    }

    /** Every active route, for routing and for the 404/405/OPTIONS answers. */
    public RouteTable table() {
        return table;
    }

    /** The version that serves {@code method path}, or null when none does (404, 405, OPTIONS). */
    public @Nullable FeatureVersion owner(String method, String path) {
        if (table.match(method, path) instanceof RouteMatch.Found found) {
            return owners.get(key(found.route().method(), found.route().pattern()));
        }
        return null;
    }

    /** The active version of {@code feature}, or null. */
    public @Nullable FeatureVersion version(String feature) {
        for (FeatureVersion v : active) {
            if (v.name().equals(feature)) {
                return v;
            }
        }
        return null;
    }

    private static String key(String method, String pattern) {
        return method + ' ' + pattern;
    }
}
