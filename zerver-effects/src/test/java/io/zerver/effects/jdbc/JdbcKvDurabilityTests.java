package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged write survives the process being killed with SIGKILL. */
class JdbcKvDurabilityTests {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        Path file = dir.resolve("kv.db");
        Path stderr = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KvWriterProcess.class.getName(), file.toString())
                .redirectError(stderr.toFile())
                .start();
        List<String> acked = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("ACK ")) {
                        acked.add(line.substring(4));
                    }
                }
            } catch (IOException ended) {
                // The child died: every ack it sent was read.
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            try {
                await().atMost(Duration.ofSeconds(45))
                        .failFast("the child exited", () -> !child.isAlive())
                        .until(() -> acked.size() >= 200);
            } catch (RuntimeException e) {
                throw new AssertionError(e.getMessage() + " after " + acked.size() + " acks; its stderr:\n"
                        + Files.readString(stderr), e);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            reader.join(10_000);
        } finally {
            child.destroyForcibly();
        }

        assertThat(acked).hasSizeGreaterThanOrEqualTo(200);
        try (HikariDataSource ds = SqliteDataSources.create(file, 1)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
                for (String key : acked) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM zerver_kv WHERE key = ?")) {
                        ps.setString(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).as("acknowledged %s is present", key).isTrue();
                            assertThat(rs.getString(1)).isEqualTo("v" + key.substring(1));
                        }
                    }
                }
            }
        }
    }
}
