package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** Reads one key; the slot gets the value. A missing key fails with NotFound (what "db"). */
public record DbGet(String key, @Nullable Slot<String> slot, EffectOptions options) implements ConfigurableEffect<DbGet> {

    public DbGet {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "db.get";
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
    public DbGet into(Slot<String> slot) {
        return new DbGet(key, requireNonNull(slot, "slot"), options);
    }

    @Override
    public DbGet withOptions(EffectOptions options) {
        return new DbGet(key, slot, options);
    }
}
