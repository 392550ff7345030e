package io.zerver.autoconfigure.effects;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Zerver keeps its data.
 *
 * @param dir Directory of the embedded SQLite file and of the file effects' base directory.
 */
@ConfigurationProperties("zerver.data")
public record ZerverDataProperties(@DefaultValue("./data") Path dir) {
}
