package io.zerver.supervisor.actuate;

import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One detail per active feature (version, in-flight), the failed jars with their reasons, the
 * versions draining and the retired versions whose class loader stayed reachable (leak suspects).
 * A failed jar does not make the supervisor DOWN (the other features serve, and a restart would
 * not fix the jar) but it is visible here and in {@code /actuator/zerver/features}; no feature
 * at all while jars failed is DOWN.
 */
public final class FeaturesHealthIndicator implements HealthIndicator {

    private final FeatureRegistry registry;

    public FeaturesHealthIndicator(FeatureRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<FeatureVersion> active = registry.routing().active();
        List<Object> failures = FeatureViews.failures(registry);
        Health.Builder health = active.isEmpty() && !failures.isEmpty() ? Health.down() : Health.up();
        for (FeatureVersion v : active) {
            health.withDetail(v.name(), FeatureViews.version(v, false));
        }
        if (!failures.isEmpty()) {
            health.withDetail("failures", failures);
        }
        if (!registry.draining().isEmpty()) {
            health.withDetail("draining", registry.draining().stream()
                    .map(v -> FeatureViews.version(v, false)).toList());
        }
        List<Object> leaks = FeatureViews.leakSuspects(registry);
        if (!leaks.isEmpty()) {
            health.withDetail("leakSuspects", leaks);
        }
        return health.build();
    }
}
