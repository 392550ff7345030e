package io.zerver.core.json;

import java.util.Map;
import org.jspecify.annotations.Nullable;

final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    static void write(@Nullable Object value, StringBuilder out) {
        if (value == null || value == Json.NULL) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            quote(s.toString(), out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new IllegalArgumentException("value: " + d + " (expected: a finite number)");
        } else if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("value: " + f + " (expected: a finite number)");
        } else if (value instanceof java.math.BigDecimal d) {
            out.append(d.toString());
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof JsonWritable w) {
            write(w.toJson(), out);
        } else if (value instanceof Enum<?> e) {
            quote(e.name(), out);
        } else {
            throw new IllegalArgumentException("value: a " + value.getClass().getName()
                    + " (expected: a map, list, string, number, boolean, null or JsonWritable)");
        }
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
