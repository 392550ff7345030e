package io.zerver.supervisor.feature;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the supervisor hosts features.
 *
 * @param dir the features directory
 * @param stagingDir where jars are copied before loading, outside {@code dir}
 * @param watch whether changes in {@code dir} are applied while running
 * @param quietPeriod how long a jar must be left alone before it is loaded
 * @param maxSettle how long to wait at most for a jar being written to become complete
 * @param drainTimeout how long a replaced version may finish its requests
 * @param shutdownTimeout how long a feature context's lifecycle beans get to stop
 * @param leakChecks how many collections to ask for before calling a retired loader a leak
 * @param leakCheckInterval the pause between two of those
 */
public record FeatureSettings(Path dir, Path stagingDir, boolean watch, Duration quietPeriod, Duration maxSettle,
        Duration drainTimeout, Duration shutdownTimeout, int leakChecks, Duration leakCheckInterval) {
}
