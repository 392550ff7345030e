package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A SQL statement being written, as with Spring's {@code JdbcClient}: named parameters, the
 * DataSource, then what it answers. Immutable; each method returns a copy.
 *
 * <pre>{@code
 * Effects.sql("SELECT id, title, done FROM todo WHERE owner = :owner ORDER BY id")
 *         .param("owner", user)
 *         .list(Todo.class)
 *         .into(TODOS)
 * Effects.sql("UPDATE todo SET done = :done WHERE id = :id").param("done", true).param("id", id).update()
 * }</pre>
 */
public final class Sql {

    private final String sql;
    private final Map<String, @Nullable Object> params;
    private final @Nullable String dataSource;

    Sql(String sql, Map<String, @Nullable Object> params, @Nullable String dataSource) {
        this.sql = requireNonNull(sql, "sql");
        this.params = params;
        this.dataSource = dataSource;
    }

    /** Binds {@code :name} to {@code value} (null for SQL NULL). */
    public Sql param(String name, @Nullable Object value) {
        Map<String, @Nullable Object> more = new LinkedHashMap<>(params);
        more.put(requireNonNull(name, "name"), value);
        return new Sql(sql, more, dataSource);
    }

    /** Binds every entry of {@code values}. */
    public Sql params(Map<String, ? extends @Nullable Object> values) {
        Map<String, @Nullable Object> more = new LinkedHashMap<>(params);
        more.putAll(SqlParams.copy(values));
        return new Sql(sql, more, dataSource);
    }

    /** Runs on the DataSource bean named {@code name} instead of the application's. */
    public Sql on(String name) {
        return new Sql(sql, params, requireNonNull(name, "name"));
    }

    /** A query answering exactly one row, mapped to {@code rowType}. */
    public SqlQuery one(Class<?> rowType) {
        return query(rowType, SqlQuery.Rows.ONE);
    }

    /** A query answering an {@code Optional} row. */
    public SqlQuery optional(Class<?> rowType) {
        return query(rowType, SqlQuery.Rows.OPTIONAL);
    }

    /** A query answering a {@code List} of rows. */
    public SqlQuery list(Class<?> rowType) {
        return query(rowType, SqlQuery.Rows.LIST);
    }

    /** An update answering the number of rows it changed. */
    public SqlUpdate update() {
        return new SqlUpdate(sql, params, false, dataSource, null, EffectOptions.defaults(Effects.DB_TIMEOUT));
    }

    /**
     * The statement once per parameter set of {@code batch} (each on top of the parameters bound
     * here), as one batch in one transaction.
     */
    public SqlBatch batch(List<? extends Map<String, ? extends @Nullable Object>> batch) {
        requireNonNull(batch, "batch");
        List<Map<String, @Nullable Object>> sets = new ArrayList<>(batch.size());
        for (Map<String, ? extends @Nullable Object> set : batch) {
            Map<String, @Nullable Object> merged = new LinkedHashMap<>(params);
            merged.putAll(SqlParams.copy(set));
            sets.add(merged);
        }
        return new SqlBatch(sql, sets, dataSource, null, EffectOptions.defaults(Effects.DB_TIMEOUT));
    }

    private SqlQuery query(Class<?> rowType, SqlQuery.Rows rows) {
        return new SqlQuery(sql, params, requireNonNull(rowType, "rowType"), rows, dataSource, null,
                EffectOptions.defaults(Effects.DB_TIMEOUT));
    }
}
