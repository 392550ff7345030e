package io.zerver.autoconfigure.effects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compute effects, served when the application defines a {@code ComputeEffects} bean with its
 * tasks (its concurrency, queue and CPU budgets are that bean's).
 *
 * @param enabled Whether the compute effects of the application's ComputeEffects bean are served.
 */
@ConfigurationProperties("zerver.effects.compute")
public record ZerverComputeEffectsProperties(@DefaultValue("true") boolean enabled) {
}
