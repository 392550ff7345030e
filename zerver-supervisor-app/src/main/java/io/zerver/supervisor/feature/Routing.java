package io.zerver.supervisor.feature;

import io.zerver.core.route.RouteMatch;
import io.zerver.core.route.RouteTable;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the supervisor serves at one moment: the active versions and one route table merged from
 * their own tables, whose every route carries the version that declared it. Immutable; replaced
 * as a whole.
 */
public final class Routing {

    static final Routing EMPTY = new Routing(List.of(), RouteTable.empty());

    private final List<FeatureVersion> active;
    private final RouteTable table;

    private Routing(List<FeatureVersion> active, RouteTable table) {
        this.active = List.copyOf(active);
        this.table = table;
    }

    /**
     * The routing for {@code versions}: their tables, built when each loaded, merged (no feature
     * registers its routes again) and checked against each other.
     *
     * @throws IllegalArgumentException when two versions declare the same route
     */
    static Routing of(List<FeatureVersion> versions) {
        return new Routing(versions, RouteTable.merge(versions.stream().map(FeatureVersion::table).toList()));
    }

    public List<FeatureVersion> active() {
        return active;
    }

    /** Every active route, for routing and for the 404/405/OPTIONS answers. */
    public RouteTable table() {
        return table;
    }

    /** The version whose route {@code match} found, or null when it found none (404, 405, OPTIONS). */
    public static @Nullable FeatureVersion owner(RouteMatch match) {
        return match instanceof RouteMatch.Found found ? found.route().attachment(FeatureVersion.class) : null;
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

    /** The active version loaded from {@code jar}, or null. */
    @Nullable FeatureVersion versionFrom(Path jar) {
        for (FeatureVersion v : active) {
            if (v.source().equals(jar)) {
                return v;
            }
        }
        return null;
    }
}
