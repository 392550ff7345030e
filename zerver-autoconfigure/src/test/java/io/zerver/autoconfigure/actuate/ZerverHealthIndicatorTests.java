package io.zerver.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.engine.Engine;
import io.zerver.core.route.RouteTable;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import io.zerver.effects.jdbc.SqliteDataSources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's health, and the db effects' store as part of it: down when it cannot serve. */
class ZerverHealthIndicatorTests {

    @TempDir
    Path dir;

    @Test
    void aStoreWhoseTableIsGoneTurnsTheHealthDownSayingWhy() {
        try (HikariDataSource sqlite = SqliteDataSources.create(dir.resolve("kv.db"), 2);
                JdbcKvEffects kv = JdbcKvEffects.create(sqlite, JdbcKvConfig.defaults())) {
            kv.initialize();
            ZerverEffects effects = ZerverEffects.builder().family(kv, JdbcKvEffects::registerOn).build();
            ZerverHealthIndicator indicator = new ZerverHealthIndicator(
                    Engine.builder().routes(RouteTable.empty()).build(), effects);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            new JdbcTemplate(sqlite).execute("DROP TABLE zerver_kv");

            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("routes");
            assertThat(String.valueOf(health.getDetails().get("db"))).startsWith("zerver_kv cannot be read");
        }
    }
}
