package io.zerver.core.json;

import java.util.List;
import java.util.Map;

/** A recursive-descent parser over a string, bounded in depth. */
final class JsonParser {

    /**
     * The longest number literal, in characters. A longer one is refused before it is converted:
     * turning a literal of a million digits into a {@code BigDecimal} costs seconds of CPU.
     */
    static final int MAX_NUMBER_LENGTH = 1000;
    /**
     * The largest exponent magnitude, as written after {@code e}. {@code 1e2147483647} is a
     * {@code BigDecimal} of a few bytes, but {@code toBigInteger()} or {@code toPlainString()} on
     * it would build a number of two billion digits. Within this bound and the length bound, a
     * parsed number has at most about 2000 digits in plain form, and every double (about 1e±308)
     * is still readable.
     */
    static final int MAX_EXPONENT = 1000;

    private final String text;
    private final int maxDepth;
    private int pos;
    private int depth;

    JsonParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    Object parseDocument() {
        skipWhitespace();
        Object value = parseValue();
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected trailing characters");
        }
        return value;
    }

    private Object parseValue() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> parseObject();
            case '[' -> parseArray();
            case '"' -> parseString();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", Json.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield parseNumber();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private Object parseObject() {
        enter();
        pos++;
        Map<String, Object> object = Json.newObject();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Json.freeze(object);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = parseString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(key, parseValue());
            skipWhitespace();
            char c = next();
            if (c == '}') {
                depth--;
                return Json.freeze(object);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object parseArray() {
        enter();
        pos++;
        List<Object> array = Json.newArray();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Json.freeze(array);
        }
        while (true) {
            skipWhitespace();
            array.add(parseValue());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                depth--;
                return Json.freeze(array);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new JsonParseException("nesting deeper than " + maxDepth, pos, true);
        }
    }

    private String parseString() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, start, pos);
                pos++;
                escape(sb);
                start = pos;
            } else {
                pos++;
            }
        }
    }

    /** Appends the escape after a backslash; a unicode escape of a surrogate must be half of a pair. */
    private void escape(StringBuilder sb) {
        int at = pos - 1;
        char e = next();
        switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char code = unicodeEscape();
                if (Character.isHighSurrogate(code) && text.startsWith("\\u", pos)) {
                    pos += 2;
                    char low = unicodeEscape();
                    if (!Character.isLowSurrogate(low)) {
                        throw loneSurrogate(at);
                    }
                    sb.append(code).append(low);
                } else if (Character.isSurrogate(code)) {
                    throw loneSurrogate(at);
                } else {
                    sb.append(code);
                }
            }
            default -> {
                pos--;
                throw error("bad escape '\\" + printable(e) + "'");
            }
        }
    }

    /** The four hex digits of a unicode escape. */
    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("truncated unicode escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexDigit(text.charAt(pos++));
            if (digit < 0) {
                pos--;
                throw error("bad unicode escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    /** Half a surrogate pair has no UTF-8 form: it would reach storage and answers as '?'. */
    private static JsonParseException loneSurrogate(int at) {
        return new JsonParseException("lone surrogate in a unicode escape", at, false);
    }

    private Object parseNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            digits();
        }
        int exponent = -1;
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            exponent = pos;
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw new JsonParseException("number longer than " + MAX_NUMBER_LENGTH + " characters", start, false);
        }
        if (exponent >= 0 && exceedsMaxExponent(exponent, pos)) {
            throw new JsonParseException("exponent out of range (expected: -" + MAX_EXPONENT + " to "
                    + MAX_EXPONENT + ")", start, false);
        }
        try {
            return Json.number(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new JsonParseException("number out of range", start, false);
        }
    }

    /** Whether the exponent digits in {@code [from, to)}, leading zeros and all, exceed {@link #MAX_EXPONENT}. */
    private boolean exceedsMaxExponent(int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > MAX_EXPONENT) {
                return true;
            }
        }
        return false;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    /** The value of an ASCII hex digit, or -1 ({@code Character.digit} also takes non-ASCII digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected literal");
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private JsonParseException error(String message) {
        return new JsonParseException(message, pos, false);
    }
}
