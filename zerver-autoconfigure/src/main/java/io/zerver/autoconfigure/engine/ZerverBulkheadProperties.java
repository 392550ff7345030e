package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.BulkheadLimits;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * Caps on effects in flight per target ({@code zerver.bulkheads.*}): {@code db}, an HTTP host, a
 * compute task. Checked at binding against {@link BulkheadLimits}.
 *
 * @param perTarget Cap of every target not named in targets; 0 for none. 0 or more.
 * @param targets Caps of named targets, for example zerver.bulkheads.targets.db=16. Each at least 1.
 */
@ConfigurationProperties("zerver.bulkheads")
public record ZerverBulkheadProperties(@DefaultValue("0") int perTarget, @DefaultValue Map<String, Integer> targets)
        implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverBulkheadProperties.class,
            ZerverEngineAutoConfiguration::bulkheadLimits).field("overrides", "targets");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
