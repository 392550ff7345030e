package io.zerver.supervisor;

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

        /** How long a feature context's lifecycle beans get to stop when it is closed. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
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

    /** The link to the ingest. */
    public static class Ipc {

        /** The Unix domain socket the supervisor listens on (created owner-only). */
        private Path socket = Path.of("/tmp/zerver.sock");

        /** The largest frame accepted on the link, request or response. */
        private DataSize maxFrameSize = DataSize.ofMegabytes(16);

        /** How long in-flight requests get to finish when the supervisor stops. */
        private Duration drainTimeout = Duration.ofSeconds(20);

        public Path getSocket() {
            return socket;
        }

        public void setSocket(Path socket) {
            this.socket = socket;
        }

        public DataSize getMaxFrameSize() {
            return maxFrameSize;
        }

        public void setMaxFrameSize(DataSize maxFrameSize) {
            if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("max-frame-size: " + maxFrameSize + " (expected: 1KB..2GB)");
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
