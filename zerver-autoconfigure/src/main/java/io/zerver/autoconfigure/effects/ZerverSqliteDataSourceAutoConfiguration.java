package io.zerver.autoconfigure.effects;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SqliteDataSources;
import io.zerver.effects.jdbc.SqlitePoolConfig;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;

/**
 * The db effects' embedded default: an SQLite file (WAL) under {@code zerver.data.dir}, when
 * the application defines no {@link DataSource} and sets no {@code spring.datasource.url}.
 * Before Spring Boot's DataSource auto-configuration, which then backs off; needs HikariCP,
 * sqlite-jdbc and the db family's spring-jdbc.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ JdbcKvEffects.class, JdbcTemplate.class, HikariDataSource.class, SQLiteConfig.class })
@ConditionalOnBooleanProperty(name = "zerver.effects.db.enabled", matchIfMissing = true)
@Conditional(ZerverSqliteDataSourceAutoConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties({ ZerverJdbcEffectsProperties.class, ZerverDataProperties.class })
public final class ZerverSqliteDataSourceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource zerverSqliteDataSource(ZerverDataProperties data, ZerverJdbcEffectsProperties db) {
        return SqliteDataSources.create(sqlitePoolConfig(data, db));
    }

    /**
     * The SQLite file {@code zerver.db} under {@code zerver.data.dir}, pooled as
     * {@code zerver.effects.db.sqlite-pool-size} says; the properties' check at binding uses it too.
     */
    static SqlitePoolConfig sqlitePoolConfig(ZerverDataProperties data, ZerverJdbcEffectsProperties db) {
        return new SqlitePoolConfig(data.dir().resolve("zerver.db"), db.sqlitePoolSize());
    }

    /** Matches when the application configures no {@code spring.datasource.url}. */
    static final class NoDataSourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
