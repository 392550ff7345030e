package io.zerver.supervisor;

import io.zerver.autoconfigure.effects.ZerverDataProperties;
import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.supervisor.feature.FeatureSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * The features the supervisor hosts ({@code zerver.features.*}). Checked at binding against
 * {@link FeatureSettings}: a value out of range fails start-up naming the property, the value and
 * what is expected.
 *
 * @param dir Directory of feature jars, each loaded into its own class loader and child context.
 * @param shutdownTimeout How long a feature context's lifecycle beans get to stop when it is closed. 0 or more.
 * @param watch Whether changes in the features directory are applied while the supervisor runs.
 * @param quietPeriod How long a jar must be left alone (no more writes) before it is loaded. Above 0.
 * @param maxSettle How long to wait at most for a jar being written to become a complete jar. Above 0.
 * @param drainTimeout How long a replaced or removed version may finish its requests before they get 503. Above 0.
 * @param leakChecks How many collections to ask for before a retired version's loader is a leak suspect
 *     (one per interval, shared by every version being checked). At least
 *     MaxTenuringThreshold + 3 (18) when System.gc() runs G1 concurrent cycles
 *     (-XX:+ExplicitGCInvokesConcurrent). At least 1.
 * @param leakCheckInterval The pause between two leak checks. Above 0.
 */
@ConfigurationProperties("zerver.features")
public record FeaturesProperties(@DefaultValue("./features") Path dir, @DefaultValue("10s") Duration shutdownTimeout,
        @DefaultValue("true") boolean watch, @DefaultValue("50ms") Duration quietPeriod,
        @DefaultValue("10s") Duration maxSettle, @DefaultValue("30s") Duration drainTimeout,
        @DefaultValue("5") int leakChecks, @DefaultValue("1s") Duration leakCheckInterval) implements CoreChecked {

    /** The ranges are {@link FeatureSettings}': see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(FeaturesProperties.class,
            f -> SupervisorConfiguration.featureSettings(f, CoreChecked.defaults(ZerverDataProperties.class)));

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
