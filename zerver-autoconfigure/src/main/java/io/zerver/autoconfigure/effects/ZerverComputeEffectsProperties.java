package io.zerver.autoconfigure.effects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Compute effects, served when the application defines a {@code ComputeEffects} bean with its
 * tasks (its concurrency, queue and CPU budgets are that bean's).
 */
@ConfigurationProperties("zerver.effects.compute")
public class ZerverComputeEffectsProperties {

    /** Whether the compute effects of the application's ComputeEffects bean are served. */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
