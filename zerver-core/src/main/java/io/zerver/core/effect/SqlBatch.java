package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SQL statement run for each of several parameter sets, as one JDBC batch in one
 * transaction: all rows are changed or none. The slot gets a {@code List<Integer>} of the rows
 * each set changed (a driver may answer -2, "succeeded, count unknown"). Build it with
 * {@link Sql#batch(List)}.
 *
 * @param dataSource the name of the DataSource bean it runs on; null for the application's
 */
public record SqlBatch(String sql, List<Map<String, @Nullable Object>> batch, @Nullable String dataSource,
        @Nullable Slot<?> slot, EffectOptions options) implements SqlEffect<SqlBatch> {

    public SqlBatch {
        requireNonNull(sql, "sql");
        requireNonNull(batch, "batch");
        List<Map<String, @Nullable Object>> copies = new ArrayList<>(batch.size());
        for (Map<String, @Nullable Object> params : batch) {
            copies.add(SqlParams.copy(params));
        }
        batch = Collections.unmodifiableList(copies);
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "sql.batch";
    }

    @Override
    public boolean isWrite() {
        return true;
    }

    /** A copy whose result (the row counts) goes to {@code slot}. */
    public SqlBatch into(Slot<?> slot) {
        return new SqlBatch(sql, batch, dataSource, requireNonNull(slot, "slot"), options);
    }

    @Override
    public SqlBatch withOptions(EffectOptions options) {
        return new SqlBatch(sql, batch, dataSource, slot, options);
    }
}
