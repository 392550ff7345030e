package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Writes one key; the slot, if any, gets true. */
public record DbPut(String key, String value, @Nullable Slot<Boolean> slot, EffectOptions options) implements ConfigurableEffect<DbPut> {

    public DbPut {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "db.put";
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
    public DbPut into(Slot<Boolean> slot) {
        return new DbPut(key, value, requireNonNull(slot, "slot"), options);
    }

    @Override
    public DbPut withOptions(EffectOptions options) {
        return new DbPut(key, value, slot, options);
    }
}
