package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.util.Map;

/**
 * Caps on the effects in flight per target (the {@code target()} of an effect: {@code db},
 * an HTTP host, a compute task). Unlimited by default. A cap out of range throws
 * {@link InvalidValueException}.
 *
 * @param perTarget the cap of every target not named in {@code overrides}; 0 for none
 * @param overrides caps of named targets
 */
public record BulkheadLimits(int perTarget, Map<String, Integer> overrides) {

    public BulkheadLimits {
        if (perTarget < 0) {
            throw new InvalidValueException("perTarget", perTarget, ">= 0, 0 for no cap");
        }
        overrides = Map.copyOf(requireNonNull(overrides, "overrides"));
        overrides.forEach((target, cap) -> {
            if (cap < 1) {
                throw InvalidValueException.ofEntry("overrides", target, "cap", cap, ">= 1");
            }
        });
    }

    public static BulkheadLimits unlimited() {
        return new BulkheadLimits(0, Map.of());
    }

    /** The same cap for every target. */
    public static BulkheadLimits of(int perTarget) {
        return new BulkheadLimits(perTarget, Map.of());
    }

    /** A copy where {@code target} has its own cap. */
    public BulkheadLimits with(String target, int cap) {
        Map<String, Integer> more = new java.util.HashMap<>(overrides);
        more.put(requireNonNull(target, "target"), cap);
        return new BulkheadLimits(perTarget, more);
    }

    int limitFor(String target) {
        Integer cap = overrides.get(target);
        if (cap != null) {
            return cap;
        }
        return perTarget == 0 ? Integer.MAX_VALUE : perTarget;
    }
}
