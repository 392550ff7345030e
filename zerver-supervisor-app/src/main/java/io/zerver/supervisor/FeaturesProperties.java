package io.zerver.supervisor;

import io.zerver.autoconfigure.effects.ZerverDataProperties;
import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.supervisor.feature.FeatureSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/**
 * The features the supervisor hosts ({@code zerver.features.*}). Checked at binding against
 * {@link FeatureSettings}: a value out of range fails start-up naming the property, the value and
 * what is expected.
 */
@ConfigurationProperties("zerver.features")
public class FeaturesProperties implements CoreChecked {

    /** The ranges are {@link FeatureSettings}': see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(FeaturesProperties.class,
            f -> SupervisorConfiguration.featureSettings(f, CoreChecked.defaults(ZerverDataProperties.class)));

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

    @Override
    public Validator coreChecks() {
        return CORE;
    }

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
        this.quietPeriod = quietPeriod;
    }

    public Duration getMaxSettle() {
        return maxSettle;
    }

    public void setMaxSettle(Duration maxSettle) {
        this.maxSettle = maxSettle;
    }

    public Duration getDrainTimeout() {
        return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    public int getLeakChecks() {
        return leakChecks;
    }

    public void setLeakChecks(int leakChecks) {
        this.leakChecks = leakChecks;
    }

    public Duration getLeakCheckInterval() {
        return leakCheckInterval;
    }

    public void setLeakCheckInterval(Duration leakCheckInterval) {
        this.leakCheckInterval = leakCheckInterval;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }
}
