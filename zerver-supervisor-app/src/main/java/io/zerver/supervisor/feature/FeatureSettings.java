package io.zerver.supervisor.feature;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the supervisor hosts features. A value out of range is refused with an
 * {@link InvalidValueException} naming the component and what it accepts; the supervisor's
 * {@code zerver.features.*} properties are checked against these ranges.
 *
 * @param dir the features directory
 * @param stagingDir where jars are copied before loading, outside {@code dir}
 * @param watch whether changes in {@code dir} are applied while running
 * @param quietPeriod how long a jar must be left alone before it is loaded. Above 0
 * @param maxSettle how long to wait at most for a jar being written to become complete. Above 0
 * @param drainTimeout how long a replaced version may finish its requests. Above 0
 * @param shutdownTimeout how long a feature context's lifecycle beans get to stop. 0 or more
 * @param leakChecks how many collections to ask for before calling a retired loader a leak. At least 1
 * @param leakCheckInterval the pause between two of those. Above 0
 */
public record FeatureSettings(Path dir, Path stagingDir, boolean watch, Duration quietPeriod, Duration maxSettle,
        Duration drainTimeout, Duration shutdownTimeout, int leakChecks, Duration leakCheckInterval) {

    public FeatureSettings {
        requireNonNull(dir, "dir");
        requireNonNull(stagingDir, "stagingDir");
        positive(quietPeriod, "quietPeriod");
        positive(maxSettle, "maxSettle");
        positive(drainTimeout, "drainTimeout");
        if (requireNonNull(shutdownTimeout, "shutdownTimeout").isNegative()) {
            throw new InvalidValueException("shutdownTimeout", shutdownTimeout, ">= 0");
        }
        if (leakChecks < 1) {
            throw new InvalidValueException("leakChecks", leakChecks, ">= 1");
        }
        positive(leakCheckInterval, "leakCheckInterval");
    }

    private static void positive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidValueException(name, value, "> 0");
        }
    }
}
