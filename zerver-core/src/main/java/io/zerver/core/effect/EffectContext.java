package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a handler knows about the attempt it performs.
 *
 * @param requestId the request the effect belongs to
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 * @param timeout the time this attempt has: the effect's timeout, or less near the deadline
 */
public record EffectContext(String requestId, int attempt, Duration timeout) {

    public EffectContext {
        requireNonNull(requestId, "requestId");
        requireNonNull(timeout, "timeout");
    }
}
