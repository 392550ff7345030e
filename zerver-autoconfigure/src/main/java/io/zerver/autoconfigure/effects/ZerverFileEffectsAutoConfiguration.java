package io.zerver.autoconfigure.effects;

import io.zerver.effects.EffectFamily;
import io.zerver.effects.file.FileEffects;
import io.zerver.effects.file.FileEffectsConfig;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The file JSON effects ({@code file.*}), confined to {@code zerver.effects.file.base-dir}, by
 * default {@code files} under {@code zerver.data.dir}. They need no library beyond the JDK. A
 * {@link FileEffects} bean of the application's replaces Zerver's;
 * {@code zerver.effects.file.enabled=false} turns the family off.
 */
@AutoConfiguration
@ConditionalOnClass(FileEffects.class)
@EnableConfigurationProperties({ ZerverFileEffectsProperties.class, ZerverDataProperties.class })
public final class ZerverFileEffectsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "zerver.effects.file.enabled", matchIfMissing = true)
    FileEffects zerverFileEffects(ZerverFileEffectsProperties file, ZerverDataProperties data) {
        return FileEffects.create(fileEffectsConfig(file, data));
    }

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.file.enabled", matchIfMissing = true)
    EffectFamily<FileEffects> zerverFileEffectFamily(FileEffects files) {
        return EffectFamily.of(files, FileEffects::registerOn);
    }

    /** The base directory {@code zerver.effects.file.base-dir}, else {@code files} under {@code zerver.data.dir}. */
    static FileEffectsConfig fileEffectsConfig(ZerverFileEffectsProperties file, ZerverDataProperties data) {
        Path base = file.baseDir();
        if (base == null || base.toString().isEmpty()) {
            base = data.dir().resolve("files");
        }
        return FileEffectsConfig.defaults(base);
    }
}
