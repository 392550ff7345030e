package io.zerver.effects.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zerver.core.config.InvalidValueException;
import org.junit.jupiter.api.Test;

class CacheEffectsConfigTests {

    @Test
    void defaultsAreTenThousandEntriesWithStatistics() {
        assertThat(CacheEffectsConfig.defaults()).isEqualTo(new CacheEffectsConfig(10_000, true));
    }

    @Test
    void withersReturnChangedCopies() {
        assertThat(CacheEffectsConfig.defaults().withMaximumSize(5).withRecordStats(false))
                .isEqualTo(new CacheEffectsConfig(5, false));
    }

    @Test
    void negativeMaximumSizeIsRefusedNamingTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> CacheEffectsConfig.defaults().withMaximumSize(-1))
                .withMessage("maximumSize: -1 (expected: >= 0)");
    }

    @Test
    void refusedValueNamesItsComponentAndWhatIsExpectedApart() {
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
                () -> CacheEffectsConfig.defaults().withMaximumSize(-1));

        assertThat(refused.name()).isEqualTo("maximumSize");
        assertThat(refused.expected()).isEqualTo(">= 0");
    }
}
