package io.zerver.supervisor.actuate;

import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** {@code /actuator/info}: which version of each feature is serving, by its number and label. */
public final class FeaturesInfoContributor implements InfoContributor {

    private final FeatureRegistry registry;

    public FeaturesInfoContributor(FeatureRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (FeatureVersion v : registry.routing().active()) {
            features.put(v.name(), Map.of("version", v.number(), "label", v.descriptor().label()));
        }
        builder.withDetail("features", features);
    }
}
