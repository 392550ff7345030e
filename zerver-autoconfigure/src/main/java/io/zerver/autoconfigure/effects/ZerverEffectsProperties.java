package io.zerver.autoconfigure.effects;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The effect handlers (SPEC §3). */
@ConfigurationProperties("zerver.effects")
public class ZerverEffectsProperties {

    private final Db db = new Db();
    private final Http http = new Http();
    private final File file = new File();
    private final Cache cache = new Cache();

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

        /** Table of the key/value pairs. */
        private String table = "zerver_kv";

        /** Table of the idempotency records. */
        private String idempotencyTable = "zerver_idempotency";

        /** Threads that run blocking JDBC calls; 0 for the size of the connection pool. */
        private int threads;

        /** Connections of the SQLite pool Zerver creates when the application has no DataSource. */
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

        /** Time to establish a connection. */
        private Duration connectTimeout = Duration.ofSeconds(2);

        /** Pooled connections per host. */
        private int maxConnections = 64;

        /** Largest response body read; larger ones fail the effect. */
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

        /** Most entries kept. */
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
