package io.zerver.core.effect;

import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.slot.Slot;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An I/O operation a step declares and the runtime performs: the catalogue of docs/effects.md,
 * built with {@link Effects}, and the application's own types ({@link CustomEffect}).
 *
 * <p>Every effect names the slot its result goes to (optional for writes), and carries
 * {@link EffectOptions}: a timeout, a retry policy, whether it is required, and for
 * writes an idempotency key. The withers below return copies.
 */
public sealed interface Effect permits ConfigurableEffect {

    /** The operation, for timelines and metrics: {@code db.get}, {@code http.post}, ... */
    String kind();

    /** What the effect talks to, for bulkheads and traces: {@code db}, a host, a task. */
    String target();

    /** The slot the result is written to, or null when the result is not kept. */
    @Nullable Slot<?> slot();

    EffectOptions options();

    /** Whether the effect changes state, so that it is retried only with an idempotency key. */
    boolean isWrite();

    /** A copy with other options. */
    Effect withOptions(EffectOptions options);

    default boolean required() {
        return options().required();
    }

    default Effect timeout(Duration timeout) {
        return withOptions(options().withTimeout(timeout));
    }

    default Effect retry(RetryPolicy retry) {
        return withOptions(options().withRetry(retry));
    }

    /** A copy whose failure does not fail the request. */
    default Effect optional() {
        return withOptions(options().withRequired(false));
    }

    default Effect required(boolean required) {
        return withOptions(options().withRequired(required));
    }

    default Effect idempotencyKey(String key) {
        return withOptions(options().withIdempotencyKey(key));
    }
}
