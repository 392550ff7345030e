package io.zerver.supervisor;

import io.zerver.ipc.SocketPaths;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Where the supervisor finds its features and its socket. */
@ConfigurationProperties("zerver")
public class SupervisorProperties {

    private final Features features = new Features();
    private final Ipc ipc = new Ipc();

    public Features getFeatures() {
        return features;
    }

    public Ipc getIpc() {
        return ipc;
    }

    /** Feature jars. */
    public static class Features {

        /** Directory of feature jars, each loaded into its own class loader and child context. */
        private Path dir = Path.of("./features");

        /** How long a feature context's lifecycle beans get to stop when it is closed. 0 or more. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /** Whether changes in the features directory are applied while the supervisor runs. */
        private boolean watch = true;

        /** How long a jar must be left alone (no more writes) before it is loaded. Above 0. */
        private Duration quietPeriod = Duration.ofMillis(50);

        /** How long to wait at most for a jar being written to become a complete jar. Above 0. */
        private Duration maxSettle = Duration.ofSeconds(10);

        /** How long a replaced or removed version may finish its requests before they get 503. Above 0. */
        private Duration drainTimeout = Duration.ofSeconds(30);

        /**
         * How many collections to ask for before a retired version's loader is a leak suspect
         * (one per interval, shared by every version being checked). At least
         * MaxTenuringThreshold + 3 (18) when System.gc() runs G1 concurrent cycles
         * (-XX:+ExplicitGCInvokesConcurrent). At least 1.
         */
        private int leakChecks = 5;

        /** The pause between two leak checks. Above 0. */
        private Duration leakCheckInterval = Duration.ofSeconds(1);

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }

        public boolean isWatch() {
            return watch;
        }

        public void setWatch(boolean watch) {
            this.watch = watch;
        }

        public Duration getQuietPeriod() {
            return quietPeriod;
        }

        public void setQuietPeriod(Duration quietPeriod) {
            this.quietPeriod = positive("quiet-period", quietPeriod);
        }

        public Duration getMaxSettle() {
            return maxSettle;
        }

        public void setMaxSettle(Duration maxSettle) {
            this.maxSettle = positive("max-settle", maxSettle);
        }

        public Duration getDrainTimeout() {
            return drainTimeout;
        }

        public void setDrainTimeout(Duration drainTimeout) {
            this.drainTimeout = positive("drain-timeout", drainTimeout);
        }

        public int getLeakChecks() {
            return leakChecks;
        }

        public void setLeakChecks(int leakChecks) {
            if (leakChecks < 1) {
                throw new IllegalArgumentException("leak-checks: " + leakChecks + " (expected: >= 1)");
            }
            this.leakChecks = leakChecks;
        }

        public Duration getLeakCheckInterval() {
            return leakCheckInterval;
        }

        public void setLeakCheckInterval(Duration leakCheckInterval) {
            this.leakCheckInterval = positive("leak-check-interval", leakCheckInterval);
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdown-timeout: " + shutdownTimeout + " (expected: >= 0)");
            }
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
        return value;
    }

    /** The link to the ingest. */
    public static class Ipc {

        /**
         * The Unix domain socket the supervisor listens on (created owner-only). At most 107
         * bytes once made absolute, in a directory of at most 95 bytes (the socket is bound
         * under a temporary name there first).
         */
        private Path socket = Path.of("/tmp/zerver.sock");

        /**
         * The largest frame accepted from the ingest, announced in the handshake: room for a
         * request's headers next to the ingest's largest body (16 MiB by default). From 1KB to
         * 2147483639B.
         */
        private DataSize maxFrameSize = DataSize.ofMegabytes(17);

        /** How long in-flight requests get to finish when the supervisor stops. 0 or more. */
        private Duration drainTimeout = Duration.ofSeconds(20);

        public Path getSocket() {
            return socket;
        }

        public void setSocket(Path socket) {
            String problem = SocketPaths.serverProblem(socket);
            if (problem != null) {
                throw new IllegalArgumentException("socket: " + socket + " (" + problem + ")");
            }
            this.socket = socket;
        }

        public DataSize getMaxFrameSize() {
            return maxFrameSize;
        }

        public void setMaxFrameSize(DataSize maxFrameSize) {
            if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("max-frame-size: " + maxFrameSize + " (expected: 1KB to 2147483639B)");
            }
            this.maxFrameSize = maxFrameSize;
        }

        public Duration getDrainTimeout() {
            return drainTimeout;
        }

        public void setDrainTimeout(Duration drainTimeout) {
            if (drainTimeout.isNegative()) {
                throw new IllegalArgumentException("drain-timeout: " + drainTimeout + " (expected: >= 0)");
            }
            this.drainTimeout = drainTimeout;
        }
    }
}
