package io.zerver.core.route;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed path pattern ({@code /todos/:id}): literal segments compared to the raw path
 * segment, {@code :name} segments matching any non-empty segment. Spring's form of a parameter,
 * {@code {name}} as a whole segment, is the same parameter: the pattern is kept in the
 * {@code :name} form, so that a route has one name in metrics, timelines and traces however it
 * was written.
 */
final class RoutePattern {

    /** Characters a literal segment may hold besides letters and digits (RFC 3986 pchar, no '*' or '%'). */
    private static final String LITERAL_PUNCTUATION = "-._~!$&'()+,;=:@";

    private final String pattern;
    /** The literal of each segment, {@code null} where the segment is a parameter. */
    private final @Nullable String[] literals;
    /** The parameter name of each segment, {@code null} where the segment is a literal. */
    private final @Nullable String[] names;
    private final int literalCount;
    /** The pattern with parameter names erased ({@code /todos/:}): two patterns with one shape collide. */
    private final String shape;

    private RoutePattern(String pattern, @Nullable String[] literals, @Nullable String[] names,
            int literalCount, String shape) {
        this.pattern = pattern;
        this.literals = literals;
        this.names = names;
        this.literalCount = literalCount;
        this.shape = shape;
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException showing the pattern and what was expected
     */
    static RoutePattern parse(String pattern) {
        requireNonNull(pattern, "pattern");
        if (pattern.isEmpty() || pattern.charAt(0) != '/') {
            throw invalid(pattern, "starts with '/'");
        }
        if (pattern.length() == 1) {
            return new RoutePattern(pattern, new String[0], new String[0], 0, "/");
        }
        String[] segments = pattern.substring(1).split("/", -1);
        @Nullable String[] literals = new String[segments.length];
        @Nullable String[] names = new String[segments.length];
        Set<String> seen = new HashSet<>();
        StringBuilder shape = new StringBuilder();
        StringBuilder canonical = new StringBuilder();
        int literalCount = 0;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                throw invalid(pattern, "no empty segment and no trailing '/'");
            }
            boolean braced = segment.length() > 1 && segment.charAt(0) == '{'
                    && segment.charAt(segment.length() - 1) == '}';
            if (segment.charAt(0) == ':' || braced) {
                String name = braced ? segment.substring(1, segment.length() - 1) : segment.substring(1);
                if (!isParamName(name)) {
                    throw invalid(pattern, "parameters like ':id' or '{id}', named [A-Za-z_][A-Za-z0-9_]*, got '"
                            + segment + "'");
                }
                if (!seen.add(name)) {
                    throw invalid(pattern, "distinct parameter names, ':" + name + "' repeats");
                }
                names[i] = name;
                shape.append("/:");
                canonical.append("/:").append(name);
            }
            else {
                if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                    throw invalid(pattern, "parameters like ':id' or '{id}' as a whole segment, got '" + segment + "'");
                }
                if (!isLiteral(segment)) {
                    throw invalid(pattern, "literal segments of letters, digits and \"" + LITERAL_PUNCTUATION
                            + "\" only (no wildcards), got '" + segment + "'");
                }
                literals[i] = segment;
                literalCount++;
                shape.append('/').append(segment);
                canonical.append('/').append(segment);
            }
        }
        return new RoutePattern(canonical.toString(), literals, names, literalCount, shape.toString());
    }

    private static IllegalArgumentException invalid(String pattern, String expected) {
        return new IllegalArgumentException("pattern: '" + pattern + "' (expected: " + expected + ")");
    }

    private static boolean isParamName(String name) {
        if (name.isEmpty() || !(isAsciiLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAsciiLetter(c) || isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLiteral(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(isAsciiLetter(c) || isDigit(c) || LITERAL_PUNCTUATION.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    String pattern() {
        return pattern;
    }

    String shape() {
        return shape;
    }

    int segmentCount() {
        return literals.length;
    }

    int literalCount() {
        return literalCount;
    }

    int paramCount() {
        return literals.length - literalCount;
    }

    /**
     * Whether the raw {@code path} matches, segment {@code i} spanning
     * {@code (bounds[i], bounds[i + 1])} exclusive of the slash at {@code bounds[i]}.
     * The caller guarantees the segment count is {@link #segmentCount()} and no segment is empty.
     */
    boolean matches(String path, int[] bounds) {
        for (int i = 0; i < literals.length; i++) {
            String literal = literals[i];
            if (literal == null) {
                continue;
            }
            int start = bounds[i] + 1;
            if (bounds[i + 1] - start != literal.length() || !path.regionMatches(start, literal, 0, literal.length())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The decoded parameters of a path this pattern {@link #matches matches}.
     *
     * @throws MalformedPathException when a parameter is not valid percent-encoded UTF-8
     */
    Map<String, String> params(String path, int[] bounds) {
        int count = paramCount();
        if (count == 0) {
            return Map.of();
        }
        if (count == 1) {
            int i = 0;
            while (names[i] == null) {
                i++;
            }
            String name = requireNonNull(names[i], "name");
            return Map.of(name, PercentDecoding.decode(name, path, bounds[i] + 1, bounds[i + 1]));
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = (Map.Entry<String, String>[]) new Map.Entry<?, ?>[count];
        int e = 0;
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (name != null) {
                entries[e++] = Map.entry(name, PercentDecoding.decode(name, path, bounds[i] + 1, bounds[i + 1]));
            }
        }
        return Map.ofEntries(entries);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
