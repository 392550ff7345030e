package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Removes a cached value; the slot, if any, gets whether it was there. */
public record CacheDelete(String key, @Nullable Slot<Boolean> slot, EffectOptions options) implements ConfigurableEffect<CacheDelete> {

    public CacheDelete {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "cache.delete";
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
    public CacheDelete into(Slot<Boolean> slot) {
        return new CacheDelete(key, requireNonNull(slot, "slot"), options);
    }

    @Override
    public CacheDelete withOptions(EffectOptions options) {
        return new CacheDelete(key, slot, options);
    }
}
