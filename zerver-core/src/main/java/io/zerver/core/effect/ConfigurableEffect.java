package io.zerver.core.effect;

import io.zerver.core.retry.RetryPolicy;
import java.time.Duration;

/**
 * The withers of {@link Effect}, typed to the concrete effect, so that options and the
 * target slot may be given in any order:
 * {@code Effects.dbGet(key).optional().timeout(d).into(TODO)}.
 *
 * @param <E> the effect type itself
 */
public sealed interface ConfigurableEffect<E extends ConfigurableEffect<E>> extends Effect
        permits DbGet, DbPut, DbDelete, DbScan, HttpCall, FileJsonRead, FileJsonWrite, CacheGet, CacheSet,
        CacheDelete, Compute, SqlEffect, CustomEffect {

    @Override
    E withOptions(EffectOptions options);

    @Override
    default E timeout(Duration timeout) {
        return withOptions(options().withTimeout(timeout));
    }

    @Override
    default E retry(RetryPolicy retry) {
        return withOptions(options().withRetry(retry));
    }

    @Override
    default E optional() {
        return withOptions(options().withRequired(false));
    }

    @Override
    default E required(boolean required) {
        return withOptions(options().withRequired(required));
    }

    @Override
    default E idempotencyKey(String key) {
        return withOptions(options().withIdempotencyKey(key));
    }
}
