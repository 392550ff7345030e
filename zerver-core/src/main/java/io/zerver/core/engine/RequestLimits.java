package io.zerver.core.engine;

import io.zerver.core.config.InvalidValueException;

/**
 * The per-request limits the engine enforces (docs/contract.md, limits). Exceeding one answers with the
 * matching status and the error body, and leaves the process healthy.
 *
 * @param maxBodyBytes the largest body accepted (413 above)
 * @param maxJsonDepth the deepest JSON nesting parsed (400 above)
 * @param maxSlots the most slots one request may write (503 above)
 * @param maxEffectsPerNeed the most effects one need may declare (503 above)
 * @param maxInFlightPerRequest the most effects of one request running at once (503 above)
 */
public record RequestLimits(long maxBodyBytes, int maxJsonDepth, int maxSlots, int maxEffectsPerNeed,
        int maxInFlightPerRequest) {

    public RequestLimits {
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxJsonDepth", maxJsonDepth);
        positive("maxSlots", maxSlots);
        positive("maxEffectsPerNeed", maxEffectsPerNeed);
        positive("maxInFlightPerRequest", maxInFlightPerRequest);
    }

    /** 1 MiB bodies, depth 64, 256 slots, 64 effects per need, 64 in flight. */
    public static RequestLimits defaults() {
        return new RequestLimits(1024 * 1024, 64, 256, 64, 64);
    }

    public RequestLimits withMaxBodyBytes(long value) {
        return new RequestLimits(value, maxJsonDepth, maxSlots, maxEffectsPerNeed, maxInFlightPerRequest);
    }

    public RequestLimits withMaxJsonDepth(int value) {
        return new RequestLimits(maxBodyBytes, value, maxSlots, maxEffectsPerNeed, maxInFlightPerRequest);
    }

    public RequestLimits withMaxSlots(int value) {
        return new RequestLimits(maxBodyBytes, maxJsonDepth, value, maxEffectsPerNeed, maxInFlightPerRequest);
    }

    public RequestLimits withMaxEffectsPerNeed(int value) {
        return new RequestLimits(maxBodyBytes, maxJsonDepth, maxSlots, value, maxInFlightPerRequest);
    }

    public RequestLimits withMaxInFlightPerRequest(int value) {
        return new RequestLimits(maxBodyBytes, maxJsonDepth, maxSlots, maxEffectsPerNeed, value);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new InvalidValueException(name, value, ">= 1");
        }
    }
}
