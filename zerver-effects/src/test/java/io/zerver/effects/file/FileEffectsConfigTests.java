package io.zerver.effects.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileEffectsConfigTests {

    private final FileEffectsConfig defaults = FileEffectsConfig.defaults(Path.of("data"));

    @Test
    void defaultsAreTenMebibytesDepth64AndFourThreads() {
        assertThat(defaults.maxFileSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(defaults.maxJsonDepth()).isEqualTo(64);
        assertThat(defaults.threads()).isEqualTo(4);
    }

    @Test
    void withersReturnChangedCopies() {
        FileEffectsConfig changed = defaults.withMaxFileSize(5).withMaxJsonDepth(3).withThreads(1)
                .withBaseDir(Path.of("other"));

        assertThat(changed).isEqualTo(new FileEffectsConfig(Path.of("other"), 5, 3, 1));
        assertThat(defaults.maxFileSize()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void invalidValuesAreRefusedNamingTheValueAndTheExpectation() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxFileSize(0))
                .withMessage("maxFileSize: 0 (expected: 1 to 2147483639 bytes)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxFileSize(Long.MAX_VALUE))
                .withMessageStartingWith("maxFileSize: " + Long.MAX_VALUE);
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxJsonDepth(0))
                .withMessage("maxJsonDepth: 0 (expected: >= 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withThreads(-1))
                .withMessage("threads: -1 (expected: >= 1)");
        assertThatNullPointerException().isThrownBy(() -> FileEffectsConfig.defaults(null))
                .withMessage("baseDir");
    }
}
