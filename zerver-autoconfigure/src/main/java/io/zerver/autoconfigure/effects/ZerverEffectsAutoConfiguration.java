package io.zerver.autoconfigure.effects;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.cache.CacheEffectsConfig;
import io.zerver.effects.compute.ComputeEffects;
import io.zerver.effects.file.FileEffectsConfig;
import io.zerver.effects.http.HttpEffectsConfig;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.SqliteDataSources;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The effect handlers: key/value on the application's {@link DataSource}, or on an SQLite
 * file under {@code zerver.data.dir} when the application has none and sets no
 * {@code spring.datasource.url}; HTTP, file and cache effects; compute effects when the
 * application defines a {@link ComputeEffects} bean with its tasks. Each family can be
 * switched off with {@code zerver.effects.<family>.enabled=false}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(ZerverEffects.class)
@EnableConfigurationProperties({ ZerverEffectsProperties.class, ZerverDataProperties.class })
public final class ZerverEffectsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ZerverEffects zerverEffects(ZerverEffectsProperties effects, ZerverDataProperties data,
            ObjectProvider<DataSource> dataSource, ObjectProvider<ComputeEffects> compute,
            ObjectProvider<MeterRegistry> meterRegistry) {
        ZerverEffects.Builder builder = ZerverEffects.builder();
        DataSource db = dataSource.getIfUnique();
        if (effects.getDb().isEnabled() && db != null) {
            builder.jdbc(db, JdbcKvConfig.defaults()
                    .withTable(effects.getDb().getTable())
                    .withIdempotencyTable(effects.getDb().getIdempotencyTable())
                    .withThreads(effects.getDb().getThreads()));
        }
        if (effects.getHttp().isEnabled()) {
            builder.http(HttpEffectsConfig.defaults()
                    .withConnectTimeout(effects.getHttp().getConnectTimeout())
                    .withMaxConnectionsPerHost(effects.getHttp().getMaxConnections())
                    .withMaxResponseBytes(effects.getHttp().getMaxResponseSize().toBytes()));
        }
        if (effects.getFile().isEnabled()) {
            Path base = effects.getFile().getBaseDir().toString().isEmpty()
                    ? data.getDir().resolve("files") : effects.getFile().getBaseDir();
            builder.files(FileEffectsConfig.defaults(base));
        }
        if (effects.getCache().isEnabled()) {
            builder.cache(CacheEffectsConfig.defaults().withMaximumSize(effects.getCache().getMaximumSize()));
        }
        compute.ifUnique(builder::compute);
        meterRegistry.ifUnique(builder::meterRegistry);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    EffectHandlers zerverEffectHandlers(ZerverEffects effects) {
        return effects.handlers();
    }

    /**
     * The embedded default: an SQLite file (WAL) under {@code zerver.data.dir}, when the
     * application defines no DataSource and configures none.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HikariDataSource.class)
    @ConditionalOnBooleanProperty(name = "zerver.effects.db.enabled", matchIfMissing = true)
    @Conditional(NoDataSourceUrl.class)
    static class EmbeddedSqliteConfiguration {

        @Bean
        @ConditionalOnMissingBean(DataSource.class)
        HikariDataSource zerverSqliteDataSource(ZerverDataProperties data, ZerverEffectsProperties effects) {
            return SqliteDataSources.create(data.getDir().resolve("zerver.db"), effects.getDb().getSqlitePoolSize());
        }
    }

    /** Matches when the application configures no {@code spring.datasource.url}. */
    static final class NoDataSourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
