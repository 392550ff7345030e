package io.zerver.autoconfigure.effects;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.effects.EffectFamily;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SchemaInitialization;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key/value effects ({@code db.*}) on the application's {@link DataSource}: its own, the
 * one Spring Boot configures from {@code spring.datasource.*}, or the embedded SQLite file of
 * {@link ZerverSqliteDataSourceAutoConfiguration}; with several, the primary one or the one
 * {@code zerver.effects.db.data-source} names (else the start fails saying so). A {@link JdbcKvEffects} bean of the application's replaces
 * Zerver's; {@code zerver.effects.db.enabled=false} or leaving spring-jdbc out turns the family off.
 */
@AutoConfiguration(after = ZerverSqliteDataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ JdbcKvEffects.class, JdbcTemplate.class, DatabaseInitializationMode.class })
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
        JdbcKvConfig config = JdbcKvConfig.defaults().withTables(properties.table(), properties.idempotencyTable())
                .withInitializeSchema(schemaInitialization(properties.initializeSchema()));
        return PropertyMapper.get().from(properties::threads).to(config, JdbcKvConfig::withThreads);
    }

    private static SchemaInitialization schemaInitialization(DatabaseInitializationMode mode) {
        return switch (mode) {
            case ALWAYS -> SchemaInitialization.ALWAYS;
            case EMBEDDED -> SchemaInitialization.EMBEDDED;
            case NEVER -> SchemaInitialization.NEVER;
        };
    }

    /**
     * Zerver's handlers, on the DataSource {@code zerver.effects.db.data-source} names, else the
     * application's one (or its primary one). Several and none primary, or a name that is no
     * DataSource bean, fail the start saying so: never db effects silently off.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "zerver.effects.db.enabled", matchIfMissing = true)
    @ConditionalOnBean(DataSource.class)
    static class JdbcKvEffectsConfiguration {

        /**
         * Looks for the tables at start-up, after the application's own database initialization
         * (Flyway, Liquibase, {@code spring.sql.init} scripts may create them): a database the store
         * cannot use fails the start, with what to do, instead of the first requests.
         */
        @Bean
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        JdbcKvEffects zerverJdbcKvEffects(ObjectProvider<DataSource> primary, Map<String, DataSource> dataSources,
                ZerverJdbcEffectsProperties db, ObjectProvider<MeterRegistry> meterRegistry) {
            DataSource dataSource = dataSource(db.dataSource(), primary.getIfUnique(), dataSources);
            JdbcKvEffects kv = JdbcKvEffects.create(dataSource, jdbcKvConfig(db), meterRegistry.getIfUnique());
            try {
                kv.initialize();
            } catch (RuntimeException e) {
                kv.close();
                throw e;
            }
            return kv;
        }
    }

    /** The DataSource of the db effects: see {@link JdbcKvEffectsConfiguration}. */
    static DataSource dataSource(@Nullable String name, @Nullable DataSource primary,
            Map<String, DataSource> dataSources) {
        if (name != null && !name.isEmpty()) {
            DataSource named = dataSources.get(name);
            if (named == null) {
                throw new IllegalStateException("zerver.effects.db.data-source is '" + name
                        + "', which is no DataSource bean: the DataSource beans are "
                        + new TreeSet<>(dataSources.keySet()));
            }
            return named;
        }
        if (primary == null) {
            throw new IllegalStateException("The db effects need one DataSource and the application has "
                    + new TreeSet<>(dataSources.keySet()) + ", none of them @Primary: name one with"
                    + " zerver.effects.db.data-source, or turn the db effects off with zerver.effects.db.enabled=false");
        }
        return primary;
    }
}
