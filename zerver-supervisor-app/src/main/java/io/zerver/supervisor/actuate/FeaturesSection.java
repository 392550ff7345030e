package io.zerver.supervisor.actuate;

import io.zerver.autoconfigure.actuate.ZerverEndpointSection;
import io.zerver.supervisor.feature.FeatureRegistry;

/**
 * {@code /actuator/zerver/features}: every active version with its routes and in-flight count,
 * and the jars that failed with why.
 */
public final class FeaturesSection implements ZerverEndpointSection {

    private final FeatureRegistry registry;

    public FeaturesSection(FeatureRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "features";
    }

    @Override
    public Object describe() {
        return FeatureViews.features(registry);
    }
}
