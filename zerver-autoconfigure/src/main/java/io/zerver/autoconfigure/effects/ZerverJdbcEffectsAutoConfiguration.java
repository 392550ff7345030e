package io.zerver.autoconfigure.effects;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key/value effects ({@code db.*}) on the application's {@link DataSource}: its own, the
 * one Spring Boot configures from {@code spring.datasource.*}, or the embedded SQLite file of
 * {@link ZerverSqliteDataSourceAutoConfiguration}. With several DataSources and none primary,
 * the db effects are not served. A {@link JdbcKvEffects} bean of the application's replaces
 * Zerver's; {@code zerver.effects.db.enabled=false} or leaving spring-jdbc out turns the family off.
 */
@AutoConfiguration(after = ZerverSqliteDataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ JdbcKvEffects.class, JdbcTemplate.class })
@EnableConfigurationProperties(ZerverJdbcEffectsProperties.class)
public final class ZerverJdbcEffectsAutoConfiguration {

    @Bean
    @Order(ZerverEffectsAutoConfiguration.FAMILY_ORDER)
    @ConditionalOnBooleanProperty(name = "zerver.effects.db.enabled", matchIfMissing = true)
    @ConditionalOnBean(JdbcKvEffects.class)
    EffectFamily<JdbcKvEffects> zerverJdbcEffectFamily(JdbcKvEffects kv) {
        return EffectFamily.of(kv, JdbcKvEffects::registerOn);
    }

    /**
     * The only place a {@code zerver.effects.db.*} property meets {@link JdbcKvConfig}: the bean
     * below and the properties' check at binding both use it. The tables are set together, as
     * they must differ.
     */
    static JdbcKvConfig jdbcKvConfig(ZerverJdbcEffectsProperties properties) {
        JdbcKvConfig config = JdbcKvConfig.defaults().withTables(properties.table(), properties.idempotencyTable());
        return PropertyMapper.get().from(properties::threads).to(config, JdbcKvConfig::withThreads);
    }

    /** Zerver's handlers, on the one DataSource (or the primary one). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "zerver.effects.db.enabled", matchIfMissing = true)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcKvEffectsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JdbcKvEffects zerverJdbcKvEffects(DataSource dataSource, ZerverJdbcEffectsProperties db,
                ObjectProvider<MeterRegistry> meterRegistry) {
            return JdbcKvEffects.create(dataSource, jdbcKvConfig(db), meterRegistry.getIfUnique());
        }
    }
}
