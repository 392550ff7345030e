package io.zerver.autoconfigure.engine;

import io.zerver.core.config.InvalidValueException;
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

    /** The forms an entry may take. */
    private static final String FORMS = "'METHOD /pattern', '/pattern' or '*'";

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
     * @throws InvalidValueException naming the first malformed entry, {@code routes[i]}
     */
    static @Nullable DebugRoutes parse(List<String> specs) {
        boolean all = false;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String spec = strip(specs.get(i));
            if (spec.equals("*")) {
                all = true;
                continue;
            }
            Entry entry = entry(spec);
            if (entry == null) {
                throw new InvalidValueException("routes[" + i + "]", "'" + spec + "'", FORMS);
            }
            entries.add(entry);
        }
        return all || !entries.isEmpty() ? new DebugRoutes(all, List.copyOf(entries)) : null;
    }

    private static String strip(@Nullable String spec) {
        return spec == null ? "" : spec.strip();
    }

    private static @Nullable Entry entry(String spec) {
        String[] parts = spec.split("\\s+");
        if (parts.length == 1 && parts[0].startsWith("/")) {
            return new Entry(null, normalize(parts[0]));
        }
        if (parts.length == 2 && METHOD.matcher(parts[0]).matches() && parts[1].startsWith("/")) {
            return new Entry(parts[0].toUpperCase(Locale.ROOT), normalize(parts[1]));
        }
        return null;
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
