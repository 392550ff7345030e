package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Several {@link SqlUpdate}s in one transaction, in order: all or nothing. The slot gets a
 * {@code List} with each statement's answer (its row count, or its keys). The statements' own
 * options are ignored: the transaction's timeout, retry and idempotency key apply to the whole.
 * Build it with {@link Effects#sqlTransaction(SqlUpdate...)}.
 *
 * @param dataSource the name of the DataSource bean it runs on (every statement's); null for the
 *     application's
 */
public record SqlTransaction(List<SqlUpdate> statements, @Nullable String dataSource, @Nullable Slot<?> slot,
        EffectOptions options) implements SqlEffect<SqlTransaction> {

    public SqlTransaction {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("statements: none (expected: at least one)");
        }
        for (SqlUpdate statement : statements) {
            if (statement.dataSource() != null && !Objects.equals(statement.dataSource(), dataSource)) {
                throw new IllegalArgumentException("statements: one runs on DataSource " + statement.dataSource()
                        + " (expected: all on " + (dataSource == null ? "the application's" : dataSource)
                        + ", the transaction's)");
            }
        }
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "sql.transaction";
    }

    @Override
    public boolean isWrite() {
        return true;
    }

    /** A copy whose result (each statement's answer) goes to {@code slot}. */
    public SqlTransaction into(Slot<?> slot) {
        return new SqlTransaction(statements, dataSource, requireNonNull(slot, "slot"), options);
    }

    @Override
    public SqlTransaction withOptions(EffectOptions options) {
        return new SqlTransaction(statements, dataSource, slot, options);
    }
}
