package io.zerver.autoconfigure.effects;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The effect handlers (docs/effects.md). Validated at binding, whether a family is enabled or not: a
 * value out of range fails start-up naming the property, the value and what is expected.
 */
@ConfigurationProperties("zerver.effects")
public class ZerverEffectsProperties implements Validator {

    /** A table name JdbcKvConfig takes: a plain SQL identifier. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** The largest body a byte array can hold, as HttpEffectsConfig bounds the response size. */
    private static final DataSize MAX_RESPONSE_SIZE = DataSize.ofBytes(Integer.MAX_VALUE - 8);
    /** The longest connect timeout Netty takes (an int of milliseconds). */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private final Db db = new Db();
    private final Http http = new Http();
    private final File file = new File();
    private final Cache cache = new Cache();

    @Override
    public boolean supports(Class<?> type) {
        return ZerverEffectsProperties.class.isAssignableFrom(type);
    }

    /** What JdbcKvConfig, SqliteDataSources, HttpEffectsConfig and CacheEffectsConfig accept. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverEffectsProperties p = (ZerverEffectsProperties) target;
        identifier(errors, "db.table", p.db.table);
        identifier(errors, "db.idempotencyTable", p.db.idempotencyTable);
        if (p.db.table != null && p.db.table.equalsIgnoreCase(p.db.idempotencyTable)) {
            errors.rejectValue("db.idempotencyTable", "distinct",
                    "'" + p.db.idempotencyTable + "' (expected: a table other than db.table)");
        }
        atLeast(errors, "db.threads", p.db.threads, 0, " (expected: >= 0, 0 for the pool size)");
        atLeast(errors, "db.sqlitePoolSize", p.db.sqlitePoolSize, 1, " (expected: >= 1)");
        Duration connect = p.http.connectTimeout;
        if (connect == null || connect.isNegative() || connect.isZero() || connect.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
            errors.rejectValue("http.connectTimeout", "range",
                    connect + " (expected: > 0 and <= " + MAX_CONNECT_TIMEOUT.toMillis() + "ms)");
        }
        atLeast(errors, "http.maxConnections", p.http.maxConnections, 1, " (expected: >= 1)");
        DataSize response = p.http.maxResponseSize;
        if (response == null || response.toBytes() < 1 || response.compareTo(MAX_RESPONSE_SIZE) > 0) {
            errors.rejectValue("http.maxResponseSize", "range", response + " (expected: 1B.." + MAX_RESPONSE_SIZE + ")");
        }
        atLeast(errors, "cache.maximumSize", p.cache.maximumSize, 0, " (expected: >= 0)");
    }

    private static void identifier(Errors errors, String field, @Nullable String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            errors.rejectValue(field, "format",
                    "'" + name + "' (expected: a letter or _, then up to 62 letters, digits or _)");
        }
    }

    private static void atLeast(Errors errors, String field, long value, long min, String expected) {
        if (value < min) {
            errors.rejectValue(field, "range", value + expected);
        }
    }

    public Db getDb() {
        return db;
    }

    public Http getHttp() {
        return http;
    }

    public File getFile() {
        return file;
    }

    public Cache getCache() {
        return cache;
    }

    /** Key/value effects over JDBC. */
    public static class Db {

        /** Whether the db.* effects are served. */
        private boolean enabled = true;

        /** Table of the key/value pairs. A letter or _, then up to 62 letters, digits or _. */
        private String table = "zerver_kv";

        /**
         * Table of the idempotency records. A letter or _, then up to 62 letters, digits or _;
         * not the same name as table, ignoring case.
         */
        private String idempotencyTable = "zerver_idempotency";

        /** Threads that run blocking JDBC calls; 0 for the size of the connection pool. 0 or more. */
        private int threads;

        /**
         * Connections of the SQLite pool Zerver creates when the application has no DataSource.
         * At least 1.
         */
        private int sqlitePoolSize = 4;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public String getIdempotencyTable() {
            return idempotencyTable;
        }

        public void setIdempotencyTable(String idempotencyTable) {
            this.idempotencyTable = idempotencyTable;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getSqlitePoolSize() {
            return sqlitePoolSize;
        }

        public void setSqlitePoolSize(int sqlitePoolSize) {
            this.sqlitePoolSize = sqlitePoolSize;
        }
    }

    /** HTTP effects over a pooled Reactor Netty client. */
    public static class Http {

        /** Whether the http.* effects are served. */
        private boolean enabled = true;

        /** Time to establish a connection. Above 0 and at most 2147483647ms. */
        private Duration connectTimeout = Duration.ofSeconds(2);

        /** Pooled connections per host. At least 1. */
        private int maxConnections = 64;

        /** Largest response body read; larger ones fail the effect. From 1B to 2147483639B. */
        private DataSize maxResponseSize = DataSize.ofMegabytes(10);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        public DataSize getMaxResponseSize() {
            return maxResponseSize;
        }

        public void setMaxResponseSize(DataSize maxResponseSize) {
            this.maxResponseSize = maxResponseSize;
        }
    }

    /** File JSON effects, confined to a base directory. */
    public static class File {

        /** Whether the file.* effects are served. */
        private boolean enabled = true;

        /** Base directory; by default "files" under zerver.data.dir. */
        private Path baseDir = Path.of("");

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getBaseDir() {
            return baseDir;
        }

        public void setBaseDir(Path baseDir) {
            this.baseDir = baseDir;
        }
    }

    /** Cache effects on an in-process Caffeine cache. */
    public static class Cache {

        /** Whether the cache.* effects are served. */
        private boolean enabled = true;

        /** Most entries kept. 0 or more. */
        private long maximumSize = 10_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMaximumSize() {
            return maximumSize;
        }

        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }
    }
}
