package io.zerver.effects.file;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.nio.file.Path;

/**
 * How the file effects behave. Immutable: the withers return copies. A value out of range
 * throws {@link InvalidValueException}.
 *
 * @param baseDir the directory every effect path is relative to and confined to; created
 *        when absent
 * @param maxFileSize the largest file, in bytes, that is read or written
 * @param maxJsonDepth the deepest nesting a stored or written document may have
 * @param threads the threads performing blocking file I/O
 */
public record FileEffectsConfig(Path baseDir, long maxFileSize, int maxJsonDepth, int threads) {

    /** 10 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_JSON_DEPTH = 64;
    public static final int DEFAULT_THREADS = 4;

    /** The largest array the JVM reliably allocates, so the largest file that can be read. */
    static final long MAX_FILE_SIZE_LIMIT = Integer.MAX_VALUE - 8;

    public FileEffectsConfig {
        requireNonNull(baseDir, "baseDir");
        if (maxFileSize < 1 || maxFileSize > MAX_FILE_SIZE_LIMIT) {
            throw new InvalidValueException("maxFileSize", maxFileSize, "1 to " + MAX_FILE_SIZE_LIMIT + " bytes");
        }
        if (maxJsonDepth < 1) {
            throw new InvalidValueException("maxJsonDepth", maxJsonDepth, ">= 1");
        }
        if (threads < 1) {
            throw new InvalidValueException("threads", threads, ">= 1");
        }
    }

    /** The defaults (10 MiB files, depth 64, 4 threads) for {@code baseDir}. */
    public static FileEffectsConfig defaults(Path baseDir) {
        return new FileEffectsConfig(baseDir, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_JSON_DEPTH, DEFAULT_THREADS);
    }

    public FileEffectsConfig withBaseDir(Path newBaseDir) {
        return new FileEffectsConfig(newBaseDir, maxFileSize, maxJsonDepth, threads);
    }

    public FileEffectsConfig withMaxFileSize(long newMaxFileSize) {
        return new FileEffectsConfig(baseDir, newMaxFileSize, maxJsonDepth, threads);
    }

    public FileEffectsConfig withMaxJsonDepth(int newMaxJsonDepth) {
        return new FileEffectsConfig(baseDir, maxFileSize, newMaxJsonDepth, threads);
    }

    public FileEffectsConfig withThreads(int newThreads) {
        return new FileEffectsConfig(baseDir, maxFileSize, maxJsonDepth, newThreads);
    }
}
