package io.zerver.effects.cache;

import io.zerver.core.config.InvalidValueException;

/**
 * How the cache effects behave. Immutable: the withers return copies. There is no default
 * time to live: every {@code cache.set} carries its own. A value out of range throws
 * {@link InvalidValueException}.
 *
 * @param maximumSize the most entries kept; beyond it the least valuable are evicted
 * @param recordStats whether hits, misses and evictions are counted, for
 *        {@link CacheEffects#bindTo(io.micrometer.core.instrument.MeterRegistry)}
 */
public record CacheEffectsConfig(long maximumSize, boolean recordStats) {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    public CacheEffectsConfig {
        if (maximumSize < 0) {
            throw new InvalidValueException("maximumSize", maximumSize, ">= 0");
        }
    }

    /** At most 10 000 entries, statistics recorded. */
    public static CacheEffectsConfig defaults() {
        return new CacheEffectsConfig(DEFAULT_MAXIMUM_SIZE, true);
    }

    public CacheEffectsConfig withMaximumSize(long newMaximumSize) {
        return new CacheEffectsConfig(newMaximumSize, recordStats);
    }

    public CacheEffectsConfig withRecordStats(boolean newRecordStats) {
        return new CacheEffectsConfig(maximumSize, newRecordStats);
    }
}
