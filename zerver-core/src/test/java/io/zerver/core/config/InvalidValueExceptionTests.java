package io.zerver.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTests {

    @Test
    void messageShowsTheNameTheValueAndWhatIsExpected() {
        InvalidValueException e = new InvalidValueException("maxSlots", 0, ">= 1");

        assertThat(e).hasMessage("maxSlots: 0 (expected: >= 1)").isInstanceOf(IllegalArgumentException.class);
        assertThat(e.name()).isEqualTo("maxSlots");
        assertThat(e.value()).isEqualTo(0);
        assertThat(e.expected()).isEqualTo(">= 1");
    }

    @Test
    void entryOfAMapIsNamedByItsKey() {
        InvalidValueException e = InvalidValueException.ofEntry("overrides", "db", "cap", 0, ">= 1");

        assertThat(e).hasMessage("cap of 'db': 0 (expected: >= 1)");
        assertThat(e.name()).isEqualTo("overrides[db]");
    }
}
