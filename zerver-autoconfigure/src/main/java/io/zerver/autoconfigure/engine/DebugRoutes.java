package io.zerver.autoconfigure.engine;

import io.zerver.core.route.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The routes debug is on for, from {@code zerver.debug.routes}: {@code METHOD /pattern},
 * {@code /pattern} (every method) or {@code *} (every route). Patterns are compared with
 * the route's own, so {@code {id}} is read as {@code :id}.
 */
final class DebugRoutes implements Predicate<Route> {

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
    private static final Pattern BRACED = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final boolean all;
    private final List<Entry> entries;

    private DebugRoutes(boolean all, List<Entry> entries) {
        this.all = all;
        this.entries = entries;
    }

    /**
     * The routes {@code specs} name, or null when they name none (debug off).
     *
     * @throws IllegalArgumentException naming the first malformed entry
     */
    static @Nullable DebugRoutes parse(List<String> specs) {
        boolean all = false;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String spec = specs.get(i) == null ? "" : specs.get(i).strip();
            if (spec.equals("*")) {
                all = true;
                continue;
            }
            String[] parts = spec.split("\\s+");
            Entry entry = null;
            if (parts.length == 1 && parts[0].startsWith("/")) {
                entry = new Entry(null, normalize(parts[0]));
            } else if (parts.length == 2 && METHOD.matcher(parts[0]).matches() && parts[1].startsWith("/")) {
                entry = new Entry(parts[0].toUpperCase(Locale.ROOT), normalize(parts[1]));
            }
            if (entry == null) {
                throw new IllegalArgumentException("zerver.debug.routes[" + i + "]: '" + spec
                        + "' (expected: 'METHOD /pattern', '/pattern' or '*')");
            }
            entries.add(entry);
        }
        return all || !entries.isEmpty() ? new DebugRoutes(all, List.copyOf(entries)) : null;
    }

    private static String normalize(String pattern) {
        Matcher m = BRACED.matcher(pattern);
        return m.replaceAll(":$1");
    }

    @Override
    public boolean test(Route route) {
        if (all) {
            return true;
        }
        for (Entry e : entries) {
            if (e.matches(route)) {
                return true;
            }
        }
        return false;
    }

    /** The entries that match none of {@code routes}: most likely typos. */
    List<String> unmatched(List<Route> routes) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (routes.stream().noneMatch(e::matches)) {
                out.add(e.toString());
            }
        }
        return out;
    }

    private record Entry(@Nullable String method, String pattern) {

        boolean matches(Route route) {
            return (method == null || method.equals(route.method())) && pattern.equals(route.pattern());
        }

        @Override
        public String toString() {
            return method == null ? pattern : method + " " + pattern;
        }
    }
}
