/**
 * The HTTP effect handler: {@link io.zerver.core.effect.HttpCall} performed with a pooled
 * Reactor Netty client, a circuit breaker per target host and a cap on response size.
 * Start at {@link io.zerver.effects.http.HttpEffects}.
 */
@NullMarked
package io.zerver.effects.http;

import org.jspecify.annotations.NullMarked;
