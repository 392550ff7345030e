package io.zerver.autoconfigure.effects;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where Zerver keeps its data. */
@ConfigurationProperties("zerver.data")
public class ZerverDataProperties {

    /** Directory of the embedded SQLite file and of the file effects' base directory. */
    private Path dir = Path.of("./data");

    public Path getDir() {
        return dir;
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }
}
