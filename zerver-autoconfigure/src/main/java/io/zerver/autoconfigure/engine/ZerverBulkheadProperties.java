package io.zerver.autoconfigure.engine;

import io.zerver.core.engine.BulkheadLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Caps on effects in flight per target: {@code db}, an HTTP host, a compute task. */
@ConfigurationProperties("zerver.bulkheads")
public class ZerverBulkheadProperties {

    /** Cap of every target not named in targets; 0 for none. */
    private int perTarget;

    /** Caps of named targets, for example zerver.bulkheads.targets.db=16. */
    private Map<String, Integer> targets = new LinkedHashMap<>();

    public BulkheadLimits toLimits() {
        return new BulkheadLimits(perTarget, targets);
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
