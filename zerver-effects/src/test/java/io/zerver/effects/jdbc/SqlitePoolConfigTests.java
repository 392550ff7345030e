package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.config.InvalidValueException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePoolConfigTests {

    @TempDir
    Path dir;

    @Test
    void poolOfNoConnectionIsRefusedNamingPoolSize() {
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
                () -> new SqlitePoolConfig(dir.resolve("a.db"), 0));

        assertThat(refused.name()).isEqualTo("poolSize");
        assertThat(refused.expected()).isEqualTo(">= 1");
        assertThat(refused).hasMessage("poolSize: 0 (expected: >= 1)");
    }

    @Test
    void dataSourceOpensTheConfiguredFileWithTheConfiguredPoolSize() {
        try (HikariDataSource ds = SqliteDataSources.create(new SqlitePoolConfig(dir.resolve("sub/b.db"), 2))) {
            assertThat(ds.getMaximumPoolSize()).isEqualTo(2);
            assertThat(ds.getJdbcUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("sub/b.db").toAbsolutePath().normalize());
            assertThat(dir.resolve("sub")).isDirectory();
        }
    }
}
