package io.zerver.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTests {

    private final Headers headers = Headers.of("Content-Type", "text/plain", "X-Trace", "a", "x-trace", "b");

    @Test
    void looksUpNamesIgnoringCase() {
        assertThat(headers.first("content-type")).hasValue("text/plain");
        assertThat(headers.first("CONTENT-TYPE")).hasValue("text/plain");
        assertThat(headers.contains("X-TRACE")).isTrue();
        assertThat(headers.first("Accept")).isEmpty();
        assertThat(headers.contains("Accept")).isFalse();
    }

    @Test
    void allReturnsEveryValueInOrder() {
        assertThat(headers.all("X-Trace")).containsExactly("a", "b");
        assertThat(headers.all("accept")).isEmpty();
        assertThatThrownBy(() -> headers.all("x-trace").add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsInsertionOrder() {
        List<String> seen = new ArrayList<>();
        headers.forEach((name, value) -> seen.add(name + "=" + value));

        assertThat(seen).containsExactly("Content-Type=text/plain", "X-Trace=a", "x-trace=b");
        assertThat(headers.size()).isEqualTo(3);
    }

    @Test
    void namesAreDistinctIgnoringCaseInFirstSeenOrderAndCase() {
        assertThat(headers.names()).containsExactly("Content-Type", "X-Trace");
    }

    @Test
    void withAddsAValueKeepingTheOriginal() {
        Headers more = headers.with("x-TRACE", "c");

        assertThat(more.all("x-trace")).containsExactly("a", "b", "c");
        assertThat(headers.all("x-trace")).containsExactly("a", "b");
        assertThat(more.size()).isEqualTo(4);
    }

    @Test
    void withoutRemovesEveryValueIgnoringCase() {
        Headers fewer = headers.without("X-TRACE");

        assertThat(fewer).isEqualTo(Headers.of("Content-Type", "text/plain"));
        assertThat(headers.size()).isEqualTo(3);
    }

    @Test
    void withoutAnAbsentNameReturnsTheSameInstance() {
        assertThat(headers.without("Accept")).isSameAs(headers);
    }

    @Test
    void withOnlyReplacesAllValues() {
        Headers only = headers.withOnly("x-trace", "z");

        assertThat(only.all("X-Trace")).containsExactly("z");
        assertThat(only.first("Content-Type")).hasValue("text/plain");
        assertThat(only.size()).isEqualTo(2);
    }

    @Test
    void ofRejectsAnOddNumberOfStrings() {
        assertThatIllegalArgumentException().isThrownBy(() -> Headers.of("Content-Type", "text/plain", "Accept"))
                .withMessage("namesAndValues: 3 strings (expected: an even number)");
    }

    @Test
    void ofRejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> Headers.of("Accept", null));
    }

    @Test
    void ofCopiesItsArgument() {
        String[] pairs = {"Accept", "text/html"};
        Headers copy = Headers.of(pairs);
        pairs[1] = "changed";

        assertThat(copy.first("Accept")).hasValue("text/html");
    }

    @Test
    void emptyHeadersHaveNothing() {
        assertThat(Headers.empty().isEmpty()).isTrue();
        assertThat(Headers.of()).isSameAs(Headers.empty());
        assertThat(Headers.builder().build()).isSameAs(Headers.empty());
        assertThat(Headers.empty().names()).isEmpty();
    }

    @Test
    void builderKeepsOrder() {
        Headers built = Headers.builder().add("A", "1").add("B", "2").add("a", "3").build();

        assertThat(built).isEqualTo(Headers.of("A", "1", "B", "2", "a", "3"));
        assertThat(built.hashCode()).isEqualTo(Headers.of("A", "1", "B", "2", "a", "3").hashCode());
        assertThat(built.all("A")).containsExactly("1", "3");
    }

    @Test
    void toStringListsThePairs() {
        assertThat(Headers.of("A", "1", "B", "2")).hasToString("{A: 1, B: 2}");
    }
}
