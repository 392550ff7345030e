package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Deletes one key; the slot, if any, gets whether it existed. */
public record DbDelete(String key, @Nullable Slot<Boolean> slot, EffectOptions options) implements ConfigurableEffect<DbDelete> {

    public DbDelete {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "db.delete";
    }

    @Override
    public String target() {
        return "db";
    }

    @Override
    public boolean isWrite() {
        return true;
    }

    /** A copy whose result goes to {@code slot}. */
    public DbDelete into(Slot<Boolean> slot) {
        return new DbDelete(key, requireNonNull(slot, "slot"), options);
    }

    @Override
    public DbDelete withOptions(EffectOptions options) {
        return new DbDelete(key, slot, options);
    }
}
