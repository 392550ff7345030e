package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Caches a value for {@code ttl}. Setting a value is idempotent, so it is not a write for retries. */
public record CacheSet(String key, String value, java.time.Duration ttl, @Nullable Slot<Boolean> slot, EffectOptions options) implements ConfigurableEffect<CacheSet> {

    public CacheSet {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "cache.set";
    }

    @Override
    public String target() {
        return "cache";
    }

    @Override
    public boolean isWrite() {
        return false;
    }

    /** A copy whose result goes to {@code slot}. */
    public CacheSet into(Slot<Boolean> slot) {
        return new CacheSet(key, value, ttl, requireNonNull(slot, "slot"), options);
    }

    @Override
    public CacheSet withOptions(EffectOptions options) {
        return new CacheSet(key, value, ttl, slot, options);
    }
}
