package io.zerver.autoconfigure.effects;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Key/value effects over JDBC. Validated at binding, whether the family is enabled or not: a
 * value out of range fails start-up naming the property, the value and what is expected.
 */
@ConfigurationProperties("zerver.effects.db")
public class ZerverJdbcEffectsProperties implements Validator {

    /** A table name JdbcKvConfig takes: a plain SQL identifier. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** Whether the db.* effects are served. */
    private boolean enabled = true;

    /** Table of the key/value pairs. A letter or _, then up to 62 letters, digits or _. */
    private String table = "zerver_kv";

    /**
     * Table of the idempotency records. A letter or _, then up to 62 letters, digits or _;
     * not the same name as table, ignoring case.
     */
    private String idempotencyTable = "zerver_idempotency";

    /** Threads that run blocking JDBC calls; 0 for the size of the connection pool. 0 or more. */
    private int threads;

    /**
     * Connections of the SQLite pool Zerver creates when the application has no DataSource.
     * At least 1.
     */
    private int sqlitePoolSize = 4;

    @Override
    public boolean supports(Class<?> type) {
        return ZerverJdbcEffectsProperties.class.isAssignableFrom(type);
    }

    /** What JdbcKvConfig and SqliteDataSources accept. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverJdbcEffectsProperties p = (ZerverJdbcEffectsProperties) target;
        identifier(errors, "table", p.table);
        identifier(errors, "idempotencyTable", p.idempotencyTable);
        if (p.table != null && p.table.equalsIgnoreCase(p.idempotencyTable)) {
            errors.rejectValue("idempotencyTable", "distinct",
                    "'" + p.idempotencyTable + "' (expected: a table other than db.table)");
        }
        if (p.threads < 0) {
            errors.rejectValue("threads", "range", p.threads + " (expected: >= 0, 0 for the pool size)");
        }
        if (p.sqlitePoolSize < 1) {
            errors.rejectValue("sqlitePoolSize", "range", p.sqlitePoolSize + " (expected: >= 1)");
        }
    }

    private static void identifier(Errors errors, String field, @Nullable String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            errors.rejectValue(field, "format",
                    "'" + name + "' (expected: a letter or _, then up to 62 letters, digits or _)");
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getIdempotencyTable() {
        return idempotencyTable;
    }

    public void setIdempotencyTable(String idempotencyTable) {
        this.idempotencyTable = idempotencyTable;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public int getSqlitePoolSize() {
        return sqlitePoolSize;
    }

    public void setSqlitePoolSize(int sqlitePoolSize) {
        this.sqlitePoolSize = sqlitePoolSize;
    }
}
