package io.zerver.autoconfigure.effects;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File JSON effects, confined to a base directory.
 *
 * @param enabled Whether the file.* effects are served.
 * @param baseDir Base directory; by default "files" under zerver.data.dir.
 */
@ConfigurationProperties("zerver.effects.file")
public record ZerverFileEffectsProperties(@DefaultValue("true") boolean enabled, @Nullable Path baseDir) {
}
