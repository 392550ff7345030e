package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads up to {@code limit} keys starting with {@code prefix}, in key order. For the next
 * page, scan again {@link #after(String) after} the last key of this one.
 *
 * @param prefix the key prefix
 * @param limit the most entries returned
 * @param after when set, only keys strictly greater than this one
 * @param slot the slot the entries go to
 * @param options the common options
 */
public record DbScan(String prefix, int limit, @Nullable String after, @Nullable Slot<List<KeyValue>> slot,
        EffectOptions options) implements ConfigurableEffect<DbScan> {

    public DbScan {
        requireNonNull(prefix, "prefix");
        requireNonNull(options, "options");
        if (limit < 1) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
        }
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
    public DbScan into(Slot<List<KeyValue>> slot) {
        return new DbScan(prefix, limit, after, requireNonNull(slot, "slot"), options);
    }

    /** A copy that starts strictly after {@code key}: the next page. */
    public DbScan after(String key) {
        return new DbScan(prefix, limit, requireNonNull(key, "key"), slot, options);
    }

    @Override
    public DbScan withOptions(EffectOptions options) {
        return new DbScan(prefix, limit, after, slot, options);
    }
}
