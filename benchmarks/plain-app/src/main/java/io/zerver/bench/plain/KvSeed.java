package io.zerver.bench.plain;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows {@code GET /kv/{key}} reads: table {@code kv(key, value, updated_at)} with
 * {@value #ROWS} rows, keys {@code k0} to {@code k999}, each value a 40-character string,
 * created or rewritten at start-up. {@link #seed} fills any table of that shape (the starter app
 * fills Zerver's key/value table with the same rows).
 */
@Configuration(proxyBeanMethods = false)
public class KvSeed {

    /** How many rows the table holds. */
    public static final int ROWS = 1000;
    /** The table {@link PlainEndpoints} reads. */
    public static final String TABLE = "kv";

    @Bean
    ApplicationRunner kvRows(JdbcClient jdbc, TransactionTemplate transactions) {
        return args -> seed(jdbc, transactions, TABLE);
    }

    /** Creates {@code table} unless it exists and writes the {@value #ROWS} rows, in one transaction. */
    public static void seed(JdbcClient jdbc, TransactionTemplate transactions, String table) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("CREATE TABLE IF NOT EXISTS " + table
                    + " (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)").update();
            long now = System.currentTimeMillis();
            for (int i = 0; i < ROWS; i++) {
                jdbc.sql("INSERT OR REPLACE INTO " + table + " (key, value, updated_at) VALUES (?, ?, ?)")
                        .params(key(i), value(i), now)
                        .update();
            }
        });
    }

    /** The key of row {@code i}: {@code k0} to {@code k999}. */
    public static String key(int i) {
        return "k" + i;
    }

    /** The value of row {@code i}: 40 characters, {@code value-0042-} then letters and digits. */
    public static String value(int i) {
        return String.format("value-%04d-abcdefghijklmnopqrstuvwxyz012", i);
    }
}
