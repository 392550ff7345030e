package io.zerver.autoconfigure.engine;

import io.zerver.core.engine.BulkheadLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Caps on effects in flight per target: {@code db}, an HTTP host, a compute task. Validated at
 * binding: a cap out of range fails start-up naming the property, the value and the range.
 */
@ConfigurationProperties("zerver.bulkheads")
public class ZerverBulkheadProperties implements Validator {

    /** Cap of every target not named in targets; 0 for none. 0 or more. */
    private int perTarget;

    /** Caps of named targets, for example zerver.bulkheads.targets.db=16. Each at least 1. */
    private Map<String, Integer> targets = new LinkedHashMap<>();

    public BulkheadLimits toLimits() {
        return new BulkheadLimits(perTarget, targets);
    }

    @Override
    public boolean supports(Class<?> type) {
        return ZerverBulkheadProperties.class.isAssignableFrom(type);
    }

    /** The ranges {@link BulkheadLimits} accepts. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverBulkheadProperties p = (ZerverBulkheadProperties) target;
        if (p.perTarget < 0) {
            errors.rejectValue("perTarget", "range", p.perTarget + " (expected: >= 0, 0 for no cap)");
        }
        p.targets.forEach((name, cap) -> {
            if (cap == null || cap < 1) {
                errors.rejectValue("targets[" + name + "]", "range", cap + " (expected: >= 1)");
            }
        });
    }

    public int getPerTarget() {
        return perTarget;
    }

    public void setPerTarget(int perTarget) {
        this.perTarget = perTarget;
    }

    public Map<String, Integer> getTargets() {
        return targets;
    }

    public void setTargets(Map<String, Integer> targets) {
        this.targets = targets;
    }
}
