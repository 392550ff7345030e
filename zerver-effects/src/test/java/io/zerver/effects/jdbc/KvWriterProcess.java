package io.zerver.effects.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link JdbcKvDurabilityTests}: writes {@code k0, k1, ...} to the
 * SQLite file named by its argument, printing {@code ACK kN} once each write is
 * acknowledged, until it is killed.
 */
final class KvWriterProcess {

    private KvWriterProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        HikariDataSource dataSource = SqliteDataSources.create(Path.of(args[0]), 2);
        JdbcKvEffects kv = JdbcKvEffects.create(dataSource, JdbcKvConfig.defaults());
        EffectHandlers handlers = kv.handlers();
        for (int i = 0; ; i++) {
            Effect put = Effects.dbPut("k" + i, "v" + i);
            handlers.find(put).perform(put, KvHarness.CONTEXT).block(Duration.ofSeconds(10));
            out.println("ACK k" + i);
        }
    }
}
