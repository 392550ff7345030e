package io.zerver.core.effect;

import reactor.core.publisher.Mono;

/**
 * Performs one family of effects. The runtime applies timeouts, retries, joins and
 * cancellation around it, so a handler does one attempt and nothing else.
 *
 * <p>The returned {@code Mono} emits the value for the effect's slot (or completes empty
 * when there is none), or fails: with a {@link io.zerver.core.error.ZerverException} to
 * choose the error, any other exception counting as UpstreamUnavailable. It must not
 * block the subscribing thread; cancellation must stop the work where it can.
 *
 * @param <E> the effect type handled
 */
@FunctionalInterface
public interface EffectHandler<E extends Effect> {

    Mono<?> perform(E effect, EffectContext context);
}
