package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.BulkheadLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/**
 * Caps on effects in flight per target ({@code zerver.bulkheads.*}): {@code db}, an HTTP host, a
 * compute task. Checked at binding against {@link BulkheadLimits}.
 */
@ConfigurationProperties("zerver.bulkheads")
public class ZerverBulkheadProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverBulkheadProperties.class,
            ZerverEngineAutoConfiguration::bulkheadLimits).field("overrides", "targets");

    /** Cap of every target not named in targets; 0 for none. 0 or more. */
    private int perTarget;

    /** Caps of named targets, for example zerver.bulkheads.targets.db=16. Each at least 1. */
    private Map<String, Integer> targets = new LinkedHashMap<>();

    @Override
    public Validator coreChecks() {
        return CORE;
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
