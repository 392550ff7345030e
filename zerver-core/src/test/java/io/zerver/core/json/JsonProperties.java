package io.zerver.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class JsonProperties {

    private static final int MAX_DEPTH = 16;

    @Property
    void writingAParsedDocumentReproducesIt(@ForAll("trees") Object tree) {
        String written = Json.write(tree);

        Object parsed = Json.parse(written, MAX_DEPTH);

        assertThat(Json.write(parsed)).isEqualTo(written);
    }

    @Property
    void parsingWhatWasWrittenGivesTheSameTree(@ForAll("trees") Object tree) {
        assertThat(Json.parse(Json.write(tree), MAX_DEPTH)).isEqualTo(tree);
    }

    @Property
    void anyStringParsesBackFromItsQuotedForm(@ForAll("unicode") String s) {
        assertThat(Json.parse(Json.write(s), 1)).isEqualTo(s);
    }

    @Property
    void parseThrowsOnlyJsonParseExceptionOnArbitraryText(@ForAll("unicode") String text) {
        assertParsesOrFailsCleanly(text);
    }

    @Property
    void parseThrowsOnlyJsonParseExceptionOnJsonLikeText(@ForAll("jsonLike") String text) {
        assertParsesOrFailsCleanly(text);
    }

    @Property
    void parseThrowsOnlyJsonParseExceptionOnTruncatedDocuments(@ForAll("trees") Object tree,
            @ForAll @IntRange(min = 0, max = 1000) int cut) {
        String written = Json.write(tree);

        assertParsesOrFailsCleanly(written.substring(0, Math.min(cut, written.length())));
    }

    @Property
    void anExponentWithinTheBoundParsesToItsValue(@ForAll @IntRange(min = -JsonParser.MAX_EXPONENT,
            max = JsonParser.MAX_EXPONENT) int exponent, @ForAll @IntRange(min = 1, max = 9) int digit) {
        Object parsed = Json.parse(digit + "e" + exponent, 1);

        assertThat(parsed).isEqualTo(BigDecimal.valueOf(digit).scaleByPowerOfTen(exponent));
    }

    @Property
    void anExponentBeyondTheBoundIsRefused(@ForAll @LongRange(min = JsonParser.MAX_EXPONENT + 1) long magnitude,
            @ForAll boolean negative) {
        String literal = "1e" + (negative ? "-" : "") + magnitude;

        assertThatThrownBy(() -> Json.parse(literal, 1)).isInstanceOf(JsonParseException.class)
                .hasMessageContaining("exponent out of range");
    }

    private static void assertParsesOrFailsCleanly(String text) {
        try {
            Json.parse(text, MAX_DEPTH);
        } catch (JsonParseException e) {
            assertThat(e.offset()).isBetween(0, text.length());
        }
    }

    @Provide
    Arbitrary<Object> trees() {
        return Arbitraries.recursive(this::leaves, this::containers, 0, 4);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> jsonLike() {
        return Arbitraries.strings().withChars("{}[]\",:\\/-+.eE0123456789truefalsn u\t\n").ofMaxLength(30);
    }

    private Arbitrary<Object> leaves() {
        return Arbitraries.<Object>oneOf(Arbitraries.strings().all().ofMaxLength(16), Arbitraries.longs(), Arbitraries.of(true, false));
    }

    private Arbitrary<Object> containers(Arbitrary<Object> elements) {
        Arbitrary<Object> lists = elements.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> maps = Arbitraries.maps(unicode(), elements).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.<Object>oneOf(lists, maps);
    }
}
