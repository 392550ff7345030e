package io.zerver.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTests {

    private static final int MAX_DEPTH = 64;

    @Test
    void parsesEveryJsonType() {
        Object parsed = Json.parse("""
                {"object": {"a": 1}, "array": [1, "two"], "string": "s", "long": 42,
                 "decimal": 1.5, "true": true, "false": false, "null": null}
                """, MAX_DEPTH);

        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(map.get("object")).isEqualTo(Map.of("a", 1L));
        assertThat(map.get("array")).isEqualTo(List.of(1L, "two"));
        assertThat(map.get("string")).isEqualTo("s");
        assertThat(map.get("long")).isEqualTo(42L);
        assertThat(map.get("decimal")).isEqualTo(new BigDecimal("1.5"));
        assertThat(map.get("true")).isEqualTo(Boolean.TRUE);
        assertThat(map.get("false")).isEqualTo(Boolean.FALSE);
        assertThat(map.get("null")).isSameAs(Json.NULL);
    }

    @Test
    void parsedObjectKeepsDocumentOrder() {
        Map<?, ?> map = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}", MAX_DEPTH);

        assertThat(map.keySet().toArray()).containsExactly("z", "a", "m");
    }

    @Test
    void parsedContainersAreUnmodifiable() {
        List<?> list = (List<?>) Json.parse("[{}]", MAX_DEPTH);
        Map<?, ?> map = (Map<?, ?>) list.get(0);

        assertThatThrownBy(list::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parsesEmptyContainersAndSurroundingWhitespace() {
        assertThat(Json.parse(" \t\r\n[ ] ", MAX_DEPTH)).isEqualTo(List.of());
        assertThat(Json.parse(" { } ", MAX_DEPTH)).isEqualTo(Map.of());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void parsesNumbersAsLongOrBigDecimal(String text, Number expected) {
        Object parsed = Json.parse(text, MAX_DEPTH);

        assertThat(parsed).isInstanceOf(expected.getClass()).isEqualTo(expected);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("0", 0L),
                Arguments.of("42", 42L),
                Arguments.of("-7", -7L),
                Arguments.of("-0", 0L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("9223372036854775808", new BigDecimal("9223372036854775808")),
                Arguments.of("-12345678901234567890123", new BigDecimal("-12345678901234567890123")),
                Arguments.of("3.25", new BigDecimal("3.25")),
                Arguments.of("-0.5", new BigDecimal("-0.5")),
                Arguments.of("1e3", new BigDecimal("1e3")),
                Arguments.of("1E+3", new BigDecimal("1E+3")),
                Arguments.of("-2.5e-3", new BigDecimal("-2.5e-3")));
    }

    @Test
    void parsesEveryEscape() {
        Object parsed = Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\"", MAX_DEPTH);

        assertThat(parsed).isEqualTo("\"\\/\b\f\n\r\tAéé");
    }

    @Test
    void parsesUnicodeEscapedSurrogatePair() {
        assertThat(Json.parse("\"\\ud83d\\ude00\"", MAX_DEPTH)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void parsesRawUnicodeUnchanged() {
        assertThat(Json.parse("\"héllo \uD83D\uDE00 \u2028\"", MAX_DEPTH)).isEqualTo("héllo \uD83D\uDE00 \u2028");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedInputWithItsOffset(String description, String text, int offset) {
        assertThatThrownBy(() -> Json.parse(text, MAX_DEPTH))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.tooDeep()).isFalse();
                    assertThat(e.getMessage()).endsWith("at offset " + offset);
                });
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("trailing comma in array", "[1,]", 3),
                Arguments.of("trailing comma in object", "{\"a\":1,}", 7),
                Arguments.of("unquoted key", "{a:1}", 1),
                Arguments.of("missing colon", "{\"a\" 1}", 5),
                Arguments.of("missing comma", "[1 2]", 3),
                Arguments.of("unclosed array", "[1", 2),
                Arguments.of("leading zero", "01", 1),
                Arguments.of("lone minus", "-", 1),
                Arguments.of("minus without digits", "-x", 1),
                Arguments.of("dot without digits", "1.", 2),
                Arguments.of("exponent without digits", "1e+", 3),
                Arguments.of("unterminated string", "\"abc", 4),
                Arguments.of("control char in string", "\"a\u0001b\"", 2),
                Arguments.of("raw newline in string", "\"a\nb\"", 2),
                Arguments.of("bad escape", "\"\\x\"", 2),
                Arguments.of("bad unicode escape", "\"\\u12G4\"", 5),
                Arguments.of("truncated unicode escape", "\"\\u12", 3),
                Arguments.of("non-ASCII digits in unicode escape", "\"\\u\u0660\u0660\u0664\u0661\"", 3),
                Arguments.of("fullwidth letters in unicode escape", "\"\\u00\uFF21\uFF21\"", 5),
                Arguments.of("trailing garbage", "[1] x", 4),
                Arguments.of("two documents", "{} {}", 3),
                Arguments.of("misspelled literal", "nul", 0),
                Arguments.of("capitalised literal", "True", 0),
                Arguments.of("single quotes", "'a'", 0),
                Arguments.of("empty input", "", 0),
                Arguments.of("whitespace only", "  \n", 3));
    }

    @Test
    void rejectsExponentOutOfRangeAsParseError() {
        assertThatThrownBy(() -> Json.parse("[1e99999999999]", MAX_DEPTH))
                .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(e.offset()).isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exponentsAtTheBound")
    void acceptsAnExponentOfExactlyTheLargestMagnitude(String literal) {
        assertThat(Json.parse("[" + literal + "]", MAX_DEPTH)).isEqualTo(List.of(new BigDecimal(literal)));
    }

    static Stream<String> exponentsAtTheBound() {
        return Stream.of("1e1000", "1E+1000", "-1e-1000", "9.99e1000", "1e0001000", "0e-1000");
    }

    /**
     * {@code 1e2147483647} is a BigDecimal of a few bytes, but {@code toBigInteger()} or
     * {@code toPlainString()} on it would build two billion digits.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exponentsBeyondTheBound")
    void refusesAnExponentBeyondTheLargestMagnitude(String literal) {
        assertThatThrownBy(() -> Json.parse("{\"n\":" + literal + "}", MAX_DEPTH))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.offset()).isEqualTo(5);
                    assertThat(e.tooDeep()).isFalse();
                    assertThat(e.getMessage()).contains("exponent out of range (expected: -"
                            + JsonParser.MAX_EXPONENT + " to " + JsonParser.MAX_EXPONENT + ")");
                });
    }

    static Stream<String> exponentsBeyondTheBound() {
        return Stream.of("1e1001", "1E+1001", "-1e-1001", "0e1001", "1e00001001", "1e2147483647", "1e-2147483648",
                "1e99999999999999999999", "0.5e" + "9".repeat(900));
    }

    @Test
    void acceptsANumberOfExactlyTheLongestLength() {
        String longest = "1." + "5".repeat(JsonParser.MAX_NUMBER_LENGTH - 2);

        assertThat(Json.parse("[" + longest + "]", MAX_DEPTH)).isEqualTo(List.of(new BigDecimal(longest)));
    }

    @Test
    void refusesANumberOneCharacterLongerThanTheLimit() {
        String tooLong = "-" + "9".repeat(JsonParser.MAX_NUMBER_LENGTH);

        assertThatThrownBy(() -> Json.parse("[" + tooLong + "]", MAX_DEPTH))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.offset()).isEqualTo(1);
                    assertThat(e.tooDeep()).isFalse();
                    assertThat(e.getMessage()).contains("number longer than " + JsonParser.MAX_NUMBER_LENGTH);
                });
    }

    /** Parsing a number of a million digits into a BigDecimal took a CPU ten seconds: one body, one core. */
    @Test
    void refusesAMillionDigitNumberInsteadOfParsingIt() {
        String body = "{\"title\":\"x\",\"n\":1." + "7".repeat(1_000_000) + "e5}";

        assertThatThrownBy(() -> Json.parse(body, MAX_DEPTH)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("number longer than");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void refusesAnEscapedLoneSurrogate(String description, String text, int offset) {
        assertThatThrownBy(() -> Json.parse(text, MAX_DEPTH))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).contains("lone surrogate");
                });
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                Arguments.of("high surrogate at the end", "\"a\\ud800\"", 2),
                Arguments.of("high surrogate before a letter", "\"\\uD83Dx\"", 1),
                Arguments.of("high surrogate before another escape", "\"\\ud83d\\n\"", 1),
                Arguments.of("two high surrogates", "\"\\ud83d\\ud83d\"", 1),
                Arguments.of("low surrogate alone", "\"\\ude00\"", 1),
                Arguments.of("low surrogate before a high one", "\"\\ude00\\ud83d\"", 1),
                Arguments.of("in a key", "{\"\\udfff\":1}", 2));
    }

    @Test
    void acceptsNestingExactlyAtTheLimit() {
        assertThat(Json.parse("[[[]]]", 3)).isEqualTo(List.of(List.of(List.of())));
        assertThat(Json.parse("{\"a\":[{}]}", 3)).isEqualTo(Map.of("a", List.of(Map.of())));
    }

    @Test
    void refusesNestingOneDeeperThanTheLimit() {
        assertThatThrownBy(() -> Json.parse("[[[[]]]]", 3))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.tooDeep()).isTrue();
                    assertThat(e.offset()).isEqualTo(3);
                });
        assertThatThrownBy(() -> Json.parse("{\"a\":[{\"b\":{}}]}", 3))
                .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(e.tooDeep()).isTrue());
    }

    @Test
    void refusesVeryDeepInputWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> Json.parse(deep, MAX_DEPTH))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(e.tooDeep()).isTrue();
                    assertThat(e.offset()).isEqualTo(MAX_DEPTH);
                });
    }

    @Test
    void rejectsMaxDepthBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("1", 0)).withMessageContaining("maxDepth: 0");
    }

    @Test
    void writesEveryType() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "x");
        map.put("l", 1L);
        map.put("i", 2);
        map.put("d", new BigDecimal("1.50"));
        map.put("big", new BigInteger("123456789012345678901234567890"));
        map.put("b", true);
        map.put("n", null);
        map.put("jn", Json.NULL);
        map.put("list", List.of(1, "a"));
        map.put("set", new java.util.LinkedHashSet<>(List.of("x")));
        map.put("enum", java.time.DayOfWeek.MONDAY);
        map.put("writable", (JsonWritable) () -> Map.of("k", "v"));

        assertThat(Json.write(map)).isEqualTo("{\"s\":\"x\",\"l\":1,\"i\":2,\"d\":1.50,"
                + "\"big\":123456789012345678901234567890,\"b\":true,\"n\":null,\"jn\":null,"
                + "\"list\":[1,\"a\"],\"set\":[\"x\"],\"enum\":\"MONDAY\",\"writable\":{\"k\":\"v\"}}");
    }

    @Test
    void writerEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(Json.write("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(Json.write("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    }

    @Test
    void writerEscapesLineAndParagraphSeparators() {
        assertThat(Json.write("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    }

    @Test
    void writerKeepsOtherUnicodeAsIs() {
        assertThat(Json.write("é\u007f\uD83D\uDE00")).isEqualTo("\"é\u007f\uD83D\uDE00\"");
    }

    @Test
    void quoteAppendsToTheBuilder() {
        StringBuilder out = new StringBuilder("x=");
        Json.quote("\"", out);

        assertThat(out).hasToString("x=\"\\\"\"");
    }

    @Test
    void writerRejectsNonFiniteNumbers() {
        for (Object value : Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY)) {
            assertThatIllegalArgumentException().isThrownBy(() -> Json.write(List.of(value)))
                    .withMessageContaining("value: " + value);
        }
    }

    @Test
    void writerRejectsUnsupportedTypesNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.write(new Object[] {1}))
                .withMessageContaining("[Ljava.lang.Object;");
    }

    @Test
    void escapedOutputParsesBackToTheSameString() {
        String s = "\"\\\u0000\u001f\u2028\u2029\n end";

        assertThat(Json.parse(Json.write(s), MAX_DEPTH)).isEqualTo(s);
    }
}
