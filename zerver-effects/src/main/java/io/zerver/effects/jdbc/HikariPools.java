package io.zerver.effects.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.util.ClassUtils;

/**
 * What the store asks of a Hikari pool (its size, evicting a broken connection), when HikariCP
 * is on the class path: a {@code DataSource} of another pool is used without it.
 */
final class HikariPools {

    private static final boolean PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            HikariPools.class.getClassLoader());

    private HikariPools() {
    }

    /** The pool's maximum size, or {@code otherwise} when {@code dataSource} is no Hikari pool. */
    static int maximumSize(DataSource dataSource, int otherwise) {
        try {
            if (PRESENT && dataSource.isWrapperFor(HikariDataSource.class)) {
                return Math.max(1, dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
            }
        } catch (SQLException ignored) {
            // Not a pool we can ask: use the default.
        }
        return otherwise;
    }

    /** Takes {@code connection} out of the pool, whose transaction state is unknown, where the pool allows it. */
    static void evict(DataSource dataSource, Connection connection) {
        try {
            if (PRESENT && dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            }
        } catch (SQLException | RuntimeException ignored) {
            // Closing it is all that is left to do.
        }
    }
}
