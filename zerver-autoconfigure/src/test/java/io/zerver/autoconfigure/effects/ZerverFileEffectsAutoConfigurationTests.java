package io.zerver.autoconfigure.effects;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.FileJsonRead;
import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.file.FileEffects;
import io.zerver.effects.file.FileEffectsConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ZerverFileEffectsAutoConfigurationTests {

    @TempDir
    static Path dir;

    private final ApplicationContextRunner runner = EffectsAutoConfigurations.runner(dir);

    @Test
    void servesTheFileEffectsUnderTheDataDirByDefault() {
        runner.run(context -> {
            assertThat(context.getBean(FileEffects.class).config().baseDir())
                    .isEqualTo(dir.resolve("files").toAbsolutePath().normalize());
            assertThat(context.getBean(EffectHandlers.class).types()).contains(FileJsonRead.class);
        });
    }

    @Test
    void servesThemUnderTheConfiguredBaseDir() {
        runner.withPropertyValues("zerver.effects.file.base-dir=" + dir.resolve("elsewhere"))
                .run(context -> assertThat(context.getBean(FileEffects.class).config().baseDir())
                        .isEqualTo(dir.resolve("elsewhere").toAbsolutePath().normalize()));
    }

    @Test
    void withoutTheFamilyOnTheClassPathTheEngineStartsWithTheOthers() {
        runner.withClassLoader(new FilteredClassLoader(FileEffects.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class).doesNotHaveBean(FileEffects.class);
            assertThat(context.getBean(EffectHandlers.class).types()).doesNotContain(FileJsonRead.class)
                    .contains(CacheGet.class);
        });
    }

    @Test
    void anApplicationsFileEffectsReplacesZervers() {
        runner.withBean("appFiles", FileEffects.class,
                () -> FileEffects.create(FileEffectsConfig.defaults(dir.resolve("mine")))).run(context -> {
                    assertThat(context).hasSingleBean(FileEffects.class);
                    assertThat(context.getBean(ZerverEffects.class).family(FileEffects.class))
                            .containsSame(context.getBean("appFiles", FileEffects.class));
                    assertThat(context.getBean(EffectHandlers.class).types()).contains(FileJsonRead.class);
                });
    }
}
