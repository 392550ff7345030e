package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.retry.RetryPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every effect carries besides its own arguments.
 *
 * @param timeout the limit on one attempt (the request's deadline also bounds it)
 * @param retry how a transient failure is tried again
 * @param required whether a failure fails the request (see the join table)
 * @param idempotencyKey for writes: the key that makes a retry or a repeat safe
 */
public record EffectOptions(Duration timeout, RetryPolicy retry, boolean required, @Nullable String idempotencyKey) {

    public EffectOptions {
        requireNonNull(timeout, "timeout");
        requireNonNull(retry, "retry");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
    }

    public static EffectOptions defaults(Duration timeout) {
        return new EffectOptions(timeout, RetryPolicy.none(), true, null);
    }

    public EffectOptions withTimeout(Duration newTimeout) {
        return new EffectOptions(newTimeout, retry, required, idempotencyKey);
    }

    public EffectOptions withRetry(RetryPolicy newRetry) {
        return new EffectOptions(timeout, newRetry, required, idempotencyKey);
    }

    public EffectOptions withRequired(boolean newRequired) {
        return new EffectOptions(timeout, retry, newRequired, idempotencyKey);
    }

    public EffectOptions withIdempotencyKey(@Nullable String key) {
        return new EffectOptions(timeout, retry, required, key);
    }
}
