package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SQL {@code INSERT}, {@code UPDATE} or {@code DELETE} (or DDL) with named parameters, in a
 * transaction of its own. The slot gets the number of rows it changed ({@code Integer}), or with
 * {@link #returningKeys()} the generated keys of the one row it inserted ({@code Map} of column
 * to value). Build it with {@link Effects#sql(String)}; several in one transaction with
 * {@link Effects#sqlTransaction(SqlUpdate...)}.
 *
 * @param dataSource the name of the DataSource bean it runs on; null for the application's
 */
public record SqlUpdate(String sql, Map<String, @Nullable Object> params, boolean keys, @Nullable String dataSource,
        @Nullable Slot<?> slot, EffectOptions options) implements SqlEffect<SqlUpdate> {

    public SqlUpdate {
        requireNonNull(sql, "sql");
        params = SqlParams.copy(params);
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "sql.update";
    }

    @Override
    public boolean isWrite() {
        return true;
    }

    /** A copy answering the generated keys of the row it inserts instead of the row count. */
    public SqlUpdate returningKeys() {
        return new SqlUpdate(sql, params, true, dataSource, slot, options);
    }

    /** A copy whose result (the row count, or the keys) goes to {@code slot}. */
    public SqlUpdate into(Slot<?> slot) {
        return new SqlUpdate(sql, params, keys, dataSource, requireNonNull(slot, "slot"), options);
    }

    @Override
    public SqlUpdate withOptions(EffectOptions options) {
        return new SqlUpdate(sql, params, keys, dataSource, slot, options);
    }
}
