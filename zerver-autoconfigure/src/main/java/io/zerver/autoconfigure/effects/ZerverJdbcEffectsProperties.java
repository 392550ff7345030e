package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.SqlitePoolConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/**
 * Key/value effects over JDBC ({@code zerver.effects.db.*}). Checked at binding against
 * {@link JdbcKvConfig} and {@link SqlitePoolConfig}, whether the family is enabled or not.
 */
@ConfigurationProperties("zerver.effects.db")
public class ZerverJdbcEffectsProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverJdbcEffectsProperties.class, db -> {
        ZerverJdbcEffectsAutoConfiguration.jdbcKvConfig(db);
        ZerverSqliteDataSourceAutoConfiguration.sqlitePoolConfig(new ZerverDataProperties(), db);
    }).field("poolSize", "sqlitePoolSize").expected("idempotencyTable", "a table other than db.table");

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
    public Validator coreChecks() {
        return CORE;
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
