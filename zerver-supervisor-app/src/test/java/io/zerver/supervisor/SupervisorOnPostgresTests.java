package io.zerver.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.effects.jdbc.Postgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The supervisor with PostgreSQL as its store, configured as an operator would: the standard
 * {@code spring.datasource.*} properties (or SPRING_DATASOURCE_URL and friends in the
 * environment). The driver comes with the supervisor's jar; the db effects use that database
 * and no SQLite file is made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisorOnPostgresTests {

    private static Path data;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("supervisor-pg");
        data = root.resolve("data");
        registry.add("zerver.features.dir", () -> root.resolve("features").toString());
        registry.add("zerver.data.dir", data::toString);
        registry.add("management.server.port", () -> "0");
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "zs").resolve("link.sock");
        socket.getParent().toFile().deleteOnExit();
        registry.add("zerver.ipc.socket", socket::toString);
        String database = Postgres.newDatabase();
        registry.add("spring.datasource.url", () -> Postgres.url(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("zerver.effects.db.initialize-schema", () -> "always");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    EffectHandlers handlers;

    @Test
    void theDbEffectsKeepTheirDataInPostgresql() {
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).startsWith("jdbc:postgresql:");

        Effect put = Effects.dbPut("todo:1", "milk");
        EffectHandler<Effect> handler = handlers.find(put);
        assertThat(handler).as("the db.put handler").isNotNull();
        assertThat(handler.perform(put, new EffectContext("r1", 1, Duration.ofSeconds(5)))
                .block(Duration.ofSeconds(10))).isEqualTo(true);

        assertThat(JdbcClient.create(dataSource).sql("SELECT value FROM zerver_kv WHERE key = 'todo:1'")
                .query(String.class).single()).isEqualTo("milk");
        assertThat(data.resolve("zerver.db")).doesNotExist();
    }
}
