package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SQL query on the application's database, written as a {@code JdbcClient} user writes it:
 * named parameters ({@code WHERE owner = :owner}), each row mapped to {@code rowType} (a record or
 * bean by column name, or a simple type such as {@code String} or {@code Long} from the row's one
 * column), and how many rows the step expects. Build it with {@link Effects#sql(String)}.
 *
 * <p>The slot gets the row ({@link Rows#ONE}; no row fails with NotFound ("sql", "no_row")), an
 * {@code Optional} of it ({@link Rows#OPTIONAL}), or a {@code List} ({@link Rows#LIST}). More than
 * one row for ONE or OPTIONAL fails with Internal ("sql", "more_than_one_row").
 *
 * @param dataSource the name of the DataSource bean it runs on; null for the application's
 *     DataSource (the primary one of several)
 */
public record SqlQuery(String sql, Map<String, @Nullable Object> params, Class<?> rowType, Rows rows,
        @Nullable String dataSource, @Nullable Slot<?> slot, EffectOptions options)
        implements SqlEffect<SqlQuery> {

    /** How many rows the query answers. */
    public enum Rows {
        /** Exactly one: the slot gets the row. */
        ONE,
        /** None or one: the slot gets an {@code Optional}. */
        OPTIONAL,
        /** Any number: the slot gets a {@code List}, in the query's order. */
        LIST
    }

    public SqlQuery {
        requireNonNull(sql, "sql");
        params = SqlParams.copy(params);
        requireNonNull(rowType, "rowType");
        requireNonNull(rows, "rows");
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "sql.query";
    }

    @Override
    public boolean isWrite() {
        return false;
    }

    /** A copy whose result goes to {@code slot}: the row, an {@code Optional} or a {@code List} (see {@link Rows}). */
    public SqlQuery into(Slot<?> slot) {
        return new SqlQuery(sql, params, rowType, rows, dataSource, requireNonNull(slot, "slot"), options);
    }

    @Override
    public SqlQuery withOptions(EffectOptions options) {
        return new SqlQuery(sql, params, rowType, rows, dataSource, slot, options);
    }
}
