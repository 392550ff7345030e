package io.zerver.core.effect;

import org.jspecify.annotations.Nullable;

/**
 * The SQL effects ({@link SqlQuery}, {@link SqlUpdate}, {@link SqlBatch}, {@link SqlTransaction}):
 * statements on one of the application's DataSources, with one bulkhead each.
 *
 * @param <E> the effect type itself
 */
public sealed interface SqlEffect<E extends SqlEffect<E>> extends ConfigurableEffect<E>
        permits SqlQuery, SqlUpdate, SqlBatch, SqlTransaction {

    /** The name of the DataSource bean it runs on; null for the application's (its primary one of several). */
    @Nullable String dataSource();

    /** {@code sql} on the application's DataSource, {@code sql:<bean name>} on another: one bulkhead each. */
    @Override
    default String target() {
        String name = dataSource();
        return name == null ? "sql" : "sql:" + name;
    }
}
