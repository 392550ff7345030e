package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.RequestLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;

/**
 * Per-request limits ({@code zerver.limits.*}); exceeding one answers 4xx or 503 with the error body.
 * Checked at binding against {@link RequestLimits}.
 *
 * @param maxBodySize Largest request body accepted; larger ones answer 413. At least 1B.
 * @param maxJsonDepth Deepest JSON nesting parsed; deeper bodies answer 400. At least 1.
 * @param maxSlots Most slots one request may write; more answer 503. At least 1.
 * @param maxEffectsPerNeed Most effects one need may declare; more answer 503. At least 1.
 * @param maxInFlightPerRequest Most effects of one request in flight at once; more answer 503. At least 1.
 */
@ConfigurationProperties("zerver.limits")
public record ZerverLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("64") int maxJsonDepth,
        @DefaultValue("256") int maxSlots, @DefaultValue("64") int maxEffectsPerNeed,
        @DefaultValue("64") int maxInFlightPerRequest) implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverLimitsProperties.class,
            ZerverEngineAutoConfiguration::requestLimits).field("maxBodyBytes", "maxBodySize");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
