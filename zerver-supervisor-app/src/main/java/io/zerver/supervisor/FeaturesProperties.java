package io.zerver.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The features the supervisor hosts ({@code zerver.features.*}). A value out of range fails
 * binding with the reason, naming the property.
 */
@ConfigurationProperties("zerver.features")
public class FeaturesProperties {

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

    private static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
        return value;
    }
}
