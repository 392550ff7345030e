package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.SqlitePoolConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * Key/value effects over JDBC ({@code zerver.effects.db.*}). Checked at binding against
 * {@link JdbcKvConfig} and {@link SqlitePoolConfig}, whether the family is enabled or not.
 *
 * @param enabled Whether the db.* effects are served.
 * @param table Table of the key/value pairs. A letter or _, then up to 62 letters, digits or _.
 * @param idempotencyTable Table of the idempotency records. A letter or _, then up to 62 letters, digits or _;
 *     not the same name as table, ignoring case.
 * @param threads Threads that run blocking JDBC calls; 0 for the size of the connection pool. 0 or more.
 * @param sqlitePoolSize Connections of the SQLite pool Zerver creates when the application has no DataSource.
 *     At least 1.
 * @param dataSource Name of the DataSource bean the db effects use; empty for the application's one (or its primary
 *     one). With several DataSources and none primary it must be set.
 * @param initializeSchema When the two tables are created if missing: 'embedded' (SQLite, H2) only, 'always', or
 *     'never' (a DBA runs the shipped script). Tables that exist are used without DDL; missing tables that may not be
 *     created fail the start.
 */
@ConfigurationProperties("zerver.effects.db")
public record ZerverJdbcEffectsProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("zerver_kv") String table, @DefaultValue("zerver_idempotency") String idempotencyTable,
        @DefaultValue("0") int threads, @DefaultValue("4") int sqlitePoolSize,
        @DefaultValue("") String dataSource, @DefaultValue("embedded") DatabaseInitializationMode initializeSchema)
        implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverJdbcEffectsProperties.class, db -> {
        ZerverJdbcEffectsAutoConfiguration.jdbcKvConfig(db);
        ZerverSqliteDataSourceAutoConfiguration.sqlitePoolConfig(CoreChecked.defaults(ZerverDataProperties.class), db);
    }).field("poolSize", "sqlitePoolSize").expected("idempotencyTable", "a table other than db.table");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
