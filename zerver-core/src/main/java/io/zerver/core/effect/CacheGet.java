package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Reads a cached value. A missing key fails with NotFound (what "cache"): declare it optional. */
public record CacheGet(String key, @Nullable Slot<String> slot, EffectOptions options) implements ConfigurableEffect<CacheGet> {

    public CacheGet {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "cache.get";
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
    public CacheGet into(Slot<String> slot) {
        return new CacheGet(key, requireNonNull(slot, "slot"), options);
    }

    @Override
    public CacheGet withOptions(EffectOptions options) {
        return new CacheGet(key, slot, options);
    }
}
