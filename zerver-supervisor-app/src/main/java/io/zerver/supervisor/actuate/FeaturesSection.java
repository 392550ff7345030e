package io.zerver.supervisor.actuate;

import io.zerver.autoconfigure.actuate.ZerverEndpointSection;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/zerver/features}: every active version with its routes and in-flight count,
 * the versions draining, the jars that failed with why, the recent retirements with the outcome
 * of their leak checks; and reload on {@code POST}.
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

    /**
     * {@code POST /actuator/zerver/features/{name}} loads the feature's jar again as a new
     * version; {@code .../all} applies the whole directory again.
     */
    @Override
    public Object act(String target) {
        List<FeatureVersion> active = registry.reload(target.equals("all") ? null : target);
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> versions = new ArrayList<>();
        for (FeatureVersion v : active) {
            versions.add(FeatureViews.version(v, false));
        }
        out.put("active", versions);
        out.put("failures", FeatureViews.failures(registry));
        return out;
    }
}
