package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.RequestLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;

/**
 * Per-request limits ({@code zerver.limits.*}); exceeding one answers 4xx or 503 with the error body.
 * Checked at binding against {@link RequestLimits}.
 */
@ConfigurationProperties("zerver.limits")
public class ZerverLimitsProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverLimitsProperties.class,
            ZerverEngineAutoConfiguration::requestLimits).field("maxBodyBytes", "maxBodySize");

    /** Largest request body accepted; larger ones answer 413. At least 1B. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /** Deepest JSON nesting parsed; deeper bodies answer 400. At least 1. */
    private int maxJsonDepth = 64;

    /** Most slots one request may write; more answer 503. At least 1. */
    private int maxSlots = 256;

    /** Most effects one need may declare; more answer 503. At least 1. */
    private int maxEffectsPerNeed = 64;

    /** Most effects of one request in flight at once; more answer 503. At least 1. */
    private int maxInFlightPerRequest = 64;

    @Override
    public Validator coreChecks() {
        return CORE;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxJsonDepth() {
        return maxJsonDepth;
    }

    public void setMaxJsonDepth(int maxJsonDepth) {
        this.maxJsonDepth = maxJsonDepth;
    }

    public int getMaxSlots() {
        return maxSlots;
    }

    public void setMaxSlots(int maxSlots) {
        this.maxSlots = maxSlots;
    }

    public int getMaxEffectsPerNeed() {
        return maxEffectsPerNeed;
    }

    public void setMaxEffectsPerNeed(int maxEffectsPerNeed) {
        this.maxEffectsPerNeed = maxEffectsPerNeed;
    }

    public int getMaxInFlightPerRequest() {
        return maxInFlightPerRequest;
    }

    public void setMaxInFlightPerRequest(int maxInFlightPerRequest) {
        this.maxInFlightPerRequest = maxInFlightPerRequest;
    }
}
