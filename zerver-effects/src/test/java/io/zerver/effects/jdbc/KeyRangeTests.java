package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRangeTests {

    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Test
    void upperBoundIncrementsTheLastCharacter() {
        assertThat(KeyRange.upperBound("todo:")).isEqualTo("todo;");
        assertThat(KeyRange.upperBound("a%")).isEqualTo("a&");
        assertThat(KeyRange.upperBound("a_")).isEqualTo("a`");
    }

    @Test
    void upperBoundOfAnEmptyPrefixIsNone() {
        assertThat(KeyRange.upperBound("")).isNull();
    }

    @Test
    void upperBoundCarriesOverTheLargestCodePoint() {
        assertThat(KeyRange.upperBound("a" + MAX)).isEqualTo("b");
        assertThat(KeyRange.upperBound("a" + MAX + MAX)).isEqualTo("b");
        assertThat(KeyRange.upperBound(MAX)).isNull();
        assertThat(KeyRange.upperBound(MAX + MAX)).isNull();
    }

    @Test
    void upperBoundSkipsTheSurrogateRange() {
        assertThat(KeyRange.upperBound("a\uD7FF")).isEqualTo("a\uE000");
    }

    @Test
    void upperBoundGoesFromTheBasicPlaneToSupplementaryCharacters() {
        assertThat(KeyRange.upperBound("\uFFFF")).isEqualTo(new String(Character.toChars(0x10000)));
        assertThat(KeyRange.upperBound("😀")).isEqualTo("😁");
    }

    @Test
    void compareOrdersByCodePointNotUtf16Unit() {
        assertThat("😀".compareTo("\uFFFF")).as("UTF-16 order").isNegative();
        assertThat(KeyRange.compare("😀", "\uFFFF")).as("code point order").isPositive();
        assertThat(KeyRange.compare("ab", "abc")).isNegative();
        assertThat(KeyRange.compare("abc", "abc")).isZero();
        assertThat(KeyRange.compare("b", "abc")).isPositive();
    }
}
