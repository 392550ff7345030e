package io.zerver.core.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlotTests {

    @Test
    void slotsWithTheSameNameAreDifferent() {
        Slot<String> a = Slot.of("todo", String.class);
        Slot<String> b = Slot.of("todo", String.class);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a).isEqualTo(a).hasToString("todo");
    }

    @Test
    void castReturnsAValueOfTheSlotType() {
        Slot<CharSequence> slot = Slot.of("text", CharSequence.class);

        CharSequence value = slot.cast("abc");

        assertThat(value).isEqualTo("abc");
    }

    @Test
    void castRejectsAWrongTypeNamingSlotAndTypes() {
        Slot<String> slot = Slot.of("todo", String.class);

        assertThatThrownBy(() -> slot.cast(42)).isInstanceOf(ClassCastException.class)
                .hasMessage("slot 'todo' holds java.lang.String, not java.lang.Integer");
    }

    @Test
    void castRejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> Slot.of("todo", String.class).cast(null));
    }

    @Test
    void slotOfPrimitiveTypeAcceptsItsBoxedValues() {
        Slot<Integer> count = Slot.of("count", int.class);

        assertThat(count.cast(3)).isEqualTo(3);
        assertThat(count.type()).isEqualTo(Integer.class);
    }

    @Test
    void rawSlotChecksTheRawTypeOnly() {
        Slot<List<String>> names = Slot.ofRaw("names", List.class);
        List<String> value = new ArrayList<>(List.of("a"));

        assertThat(names.cast(value)).isSameAs(value);
        assertThat(names.type()).isEqualTo(List.class);
        assertThatThrownBy(() -> names.cast("a")).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("'names'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejectsBlankName(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> Slot.of(name, String.class))
                .withMessage("name: '" + name + "' (expected: not blank)");
    }

    @Test
    void rejectsNullNameAndType() {
        assertThatNullPointerException().isThrownBy(() -> Slot.of(null, String.class)).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> Slot.of("x", null)).withMessage("type");
    }
}
