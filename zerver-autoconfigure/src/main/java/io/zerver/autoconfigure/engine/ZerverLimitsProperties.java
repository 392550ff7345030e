package io.zerver.autoconfigure.engine;

import io.zerver.core.engine.RequestLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Per-request limits (docs/contract.md, limits); exceeding one answers 4xx or 503 with the error body. Validated
 * at binding: a value out of range fails start-up naming the property, the value and the range.
 */
@ConfigurationProperties("zerver.limits")
public class ZerverLimitsProperties implements Validator {

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

    /** The limits as the engine takes them. */
    public RequestLimits toLimits() {
        return new RequestLimits(maxBodySize.toBytes(), maxJsonDepth, maxSlots, maxEffectsPerNeed,
                maxInFlightPerRequest);
    }

    @Override
    public boolean supports(Class<?> type) {
        return ZerverLimitsProperties.class.isAssignableFrom(type);
    }

    /** The ranges {@link RequestLimits} accepts: every limit at least 1. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverLimitsProperties p = (ZerverLimitsProperties) target;
        Bounds.atLeast(errors, "maxBodySize", p.maxBodySize, DataSize.ofBytes(1));
        Bounds.atLeast(errors, "maxJsonDepth", p.maxJsonDepth, 1);
        Bounds.atLeast(errors, "maxSlots", p.maxSlots, 1);
        Bounds.atLeast(errors, "maxEffectsPerNeed", p.maxEffectsPerNeed, 1);
        Bounds.atLeast(errors, "maxInFlightPerRequest", p.maxInFlightPerRequest, 1);
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
