package io.zerver.autoconfigure.effects;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** File JSON effects, confined to a base directory. */
@ConfigurationProperties("zerver.effects.file")
public class ZerverFileEffectsProperties {

    /** Whether the file.* effects are served. */
    private boolean enabled = true;

    /** Base directory; by default "files" under zerver.data.dir. */
    private Path baseDir = Path.of("");

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getBaseDir() {
        return baseDir;
    }

    public void setBaseDir(Path baseDir) {
        this.baseDir = baseDir;
    }
}
