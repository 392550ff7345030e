package io.zerver.effects.jdbc;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.nio.file.Path;

/**
 * The SQLite file a pool of {@link SqliteDataSources#create(SqlitePoolConfig)} opens and how many
 * connections it holds. A value out of range throws {@link InvalidValueException}.
 *
 * @param file the database file; it and its parent directories are created when missing
 * @param poolSize the most connections open at once
 */
public record SqlitePoolConfig(Path file, int poolSize) {

    public SqlitePoolConfig {
        requireNonNull(file, "file");
        if (poolSize < 1) {
            throw new InvalidValueException("poolSize", poolSize, ">= 1");
        }
    }
}
