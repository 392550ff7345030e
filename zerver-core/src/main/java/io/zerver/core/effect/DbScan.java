package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Reads up to {@code limit} keys starting with {@code prefix}, in key order. */
public record DbScan(String prefix, int limit, @Nullable Slot<java.util.List<KeyValue>> slot, EffectOptions options) implements Effect {

    public DbScan {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "db.scan";
    }

    @Override
    public String target() {
        return "db";
    }

    @Override
    public boolean isWrite() {
        return false;
    }

    /** A copy whose result goes to {@code slot}. */
    public DbScan into(Slot<java.util.List<KeyValue>> slot) {
        return new DbScan(prefix, limit, requireNonNull(slot, "slot"), options);
    }

    @Override
    public DbScan withOptions(EffectOptions options) {
        return new DbScan(prefix, limit, slot, options);
    }
}
