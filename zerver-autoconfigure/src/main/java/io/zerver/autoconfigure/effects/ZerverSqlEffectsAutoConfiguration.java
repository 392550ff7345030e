package io.zerver.autoconfigure.effects;

import io.zerver.effects.EffectFamily;
import io.zerver.effects.sql.SqlEffects;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL effects ({@code sql.*}) on the application's DataSources: a statement naming none runs
 * on the application's one (the primary one of several; with several and none primary it fails
 * with Internal "no_datasource"), {@code .on("name")} on the DataSource bean of that name. With no
 * DataSource at all (not even Zerver's SQLite file) the family is off. An {@link SqlEffects} bean
 * of the application's replaces Zerver's; {@code zerver.effects.sql.enabled=false} turns it off.
 */
@AutoConfiguration(after = ZerverSqliteDataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ SqlEffects.class, JdbcClient.class })
@EnableConfigurationProperties(ZerverSqlEffectsProperties.class)
public final class ZerverSqlEffectsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "zerver.effects.sql.enabled", matchIfMissing = true)
    @ConditionalOnBean(DataSource.class)
    SqlEffects zerverSqlEffects(ObjectProvider<DataSource> primary, Map<String, DataSource> dataSources,
            ZerverSqlEffectsProperties sql, ObjectProvider<ZerverJdbcEffectsProperties> db) {
        // Writes with an idempotency key record their outcome in the db effects' table.
        ZerverJdbcEffectsProperties kv = db.getIfAvailable();
        return kv == null ? SqlEffects.create(primary.getIfUnique(), dataSources, sql.threads())
                : SqlEffects.create(primary.getIfUnique(), dataSources, sql.threads(), kv.idempotencyTable());
    }

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.sql.enabled", matchIfMissing = true)
    @ConditionalOnBean(SqlEffects.class)
    EffectFamily<SqlEffects> zerverSqlEffectFamily(SqlEffects sql) {
        return EffectFamily.of(sql, SqlEffects::registerOn);
    }
}
