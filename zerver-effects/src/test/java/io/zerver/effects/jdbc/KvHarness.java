package io.zerver.effects.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import reactor.core.publisher.Mono;

/** A real database (an SQLite file unless told), the handlers over it, and ways to perform effects and run SQL. */
final class KvHarness implements AutoCloseable {

    static final EffectContext CONTEXT = new EffectContext("r1", 1, Duration.ofSeconds(5));
    static final Duration WAIT = Duration.ofSeconds(10);

    final HikariDataSource dataSource;
    final JdbcKvEffects kv;
    final EffectHandlers handlers;

    private KvHarness(HikariDataSource dataSource, JdbcKvEffects kv) {
        this.dataSource = dataSource;
        this.kv = kv;
        this.handlers = kv.handlers();
    }

    static KvHarness open(Path dir) {
        return open(dir, JdbcKvConfig.defaults());
    }

    static KvHarness open(Path dir, JdbcKvConfig config) {
        return on(SqliteDataSources.create(dir.resolve("kv.db"), 4), config);
    }

    /** The handlers over {@code dataSource}, any database; closing the harness closes it. */
    static KvHarness on(HikariDataSource dataSource, JdbcKvConfig config) {
        return new KvHarness(dataSource, JdbcKvEffects.create(dataSource, config));
    }

    /** The effect's answer, lazily: nothing runs until subscribed. */
    Mono<Object> perform(Effect effect) {
        EffectHandler<Effect> handler = handlers.find(effect);
        assertThat(handler).as("handler for %s", effect.kind()).isNotNull();
        return handler.perform(effect, CONTEXT).cast(Object.class);
    }

    Object call(Effect effect) {
        return perform(effect).block(WAIT);
    }

    /** The error {@code effect} fails with. */
    ZerverError failure(Effect effect) {
        Throwable thrown = catchThrowable(() -> call(effect));
        assertThat(thrown).as("what %s failed with", effect.kind()).isInstanceOf(ZerverException.class);
        return ((ZerverException) thrown).error();
    }

    void sql(String sql) {
        sql(dataSource, sql);
    }

    static void sql(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String queryString(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "<no row>";
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        kv.close();
        dataSource.close();
    }
}
