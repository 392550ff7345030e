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
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;

/**
 * The db effects' embedded default: an SQLite file (WAL) under {@code zerver.data.dir}, when
 * the application defines no {@link DataSource}, sets no {@code spring.datasource.url} and has
 * no embedded database of its own on the classpath (H2, HSQLDB or Derby, which Spring Boot
 * would start for it: the db effects then use that one). Before Spring Boot's DataSource
 * auto-configuration, which then backs off; needs HikariCP, sqlite-jdbc and the db family's
 * spring-jdbc.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ JdbcKvEffects.class, JdbcTemplate.class, HikariDataSource.class, SQLiteConfig.class })
@ConditionalOnBooleanProperty(name = "zerver.effects.db.enabled", matchIfMissing = true)
@Conditional(ZerverSqliteDataSourceAutoConfiguration.NoDatabaseOfTheApplication.class)
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

    /**
     * Matches when the application configures no {@code spring.datasource.url} and has no
     * embedded database on its classpath (Spring Boot's {@link EmbeddedDatabaseConnection}).
     */
    static final class NoDatabaseOfTheApplication implements Condition {

        private static final String EMBEDDED_DATABASES = "org.springframework.boot.jdbc.EmbeddedDatabaseConnection";

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (context.getEnvironment().containsProperty("spring.datasource.url")) {
                return false;
            }
            ClassLoader classLoader = context.getClassLoader();
            return !ClassUtils.isPresent(EMBEDDED_DATABASES, classLoader)
                    || EmbeddedDatabaseConnection.get(classLoader) == EmbeddedDatabaseConnection.NONE;
        }
    }
}
