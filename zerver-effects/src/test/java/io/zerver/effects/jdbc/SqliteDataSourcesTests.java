package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDataSourcesTests {

    @TempDir
    Path dir;

    @Test
    void everyConnectionIsInWalModeWithNormalSyncBusyTimeoutAndForeignKeys() throws SQLException {
        try (HikariDataSource ds = SqliteDataSources.create(dir.resolve("a.db"), 3)) {
            assertThat(ds.getMaximumPoolSize()).isEqualTo(3);
            Connection[] connections = {ds.getConnection(), ds.getConnection(), ds.getConnection()};
            try {
                for (Connection c : connections) {
                    assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(c, "synchronous")).as("NORMAL").isEqualTo("1");
                    assertThat(pragma(c, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                }
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
    }

    @Test
    void createsTheMissingParentDirectories() throws SQLException {
        Path file = dir.resolve("deep/er/kv.db");

        try (HikariDataSource ds = SqliteDataSources.create(file, 1); Connection c = ds.getConnection()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
        }
        assertThat(file).exists();
    }

    @Test
    void poolSizeMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteDataSources.create(dir.resolve("b.db"), 0))
                .withMessage("poolSize: 0 (expected: >= 1)");
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
