package io.zerver.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The engine's own small JSON codec, so the core needs no JSON library: a writer for
 * maps, lists, strings, numbers, booleans and null, and a parser with a nesting limit
 * that turns text into the same shapes ({@code Map<String,Object>} in document order,
 * {@code List<Object>}, {@code String}, {@code Long} or {@code BigDecimal},
 * {@code Boolean}, and {@link #NULL} for {@code null}).
 *
 * <p>Applications that want typed bodies use their own mapper (Jackson in Spring); this
 * codec is for the engine's error bodies, timelines, graphs and the depth-checked parse.
 */
public final class Json {

    /** The parsed form of a JSON {@code null}, so absent and null stay distinguishable. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private Json() {
    }

    /** Writes {@code value} as compact JSON. */
    public static String write(@Nullable Object value) {
        StringBuilder out = new StringBuilder(64);
        JsonWriter.write(value, out);
        return out.toString();
    }

    /** Appends {@code s} as a quoted, escaped JSON string. */
    public static void quote(String s, StringBuilder out) {
        JsonWriter.quote(s, out);
    }

    /**
     * Parses {@code text}, refusing documents nested deeper than {@code maxDepth}, number
     * literals longer than 1000 characters or with a written exponent beyond ±1000, and unicode
     * escapes of a lone surrogate.
     *
     * @throws JsonParseException when the text is not JSON, or is refused as above
     */
    public static Object parse(String text, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth: " + maxDepth + " (expected: >= 1)");
        }
        return new JsonParser(text, maxDepth).parseDocument();
    }

    static Map<String, Object> newObject() {
        return new LinkedHashMap<>();
    }

    static List<Object> newArray() {
        return new ArrayList<>();
    }

    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list);
        }
        return value;
    }

    /**
     * A {@code Long} for an integer literal that fits in one, else a {@code BigDecimal}.
     *
     * @throws NumberFormatException when the exponent is out of range
     */
    static Number number(String literal) {
        if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0
                && literal.length() <= 20) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                // too large for a long
            }
        }
        return new BigDecimal(literal);
    }
}
