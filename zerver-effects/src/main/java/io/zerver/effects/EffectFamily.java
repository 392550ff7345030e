package io.zerver.effects;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.EffectHandlers;
import java.util.function.BiConsumer;

/**
 * One family of effect handlers and how it registers them:
 * {@code EffectFamily.of(http, HttpEffects::registerOn)}. The families know nothing of each
 * other; {@link ZerverEffects} composes them.
 *
 * @param effects the family ({@code JdbcKvEffects}, {@code HttpEffects}, an application's own)
 * @param registration registers the family's handlers on a builder
 * @param <F> the family's type
 */
public record EffectFamily<F>(F effects, BiConsumer<? super F, EffectHandlers.Builder> registration) {

    public EffectFamily {
        requireNonNull(effects, "effects");
        requireNonNull(registration, "registration");
    }

    public static <F> EffectFamily<F> of(F effects, BiConsumer<? super F, EffectHandlers.Builder> registration) {
        return new EffectFamily<>(effects, registration);
    }

    /** Registers this family's handlers on {@code handlers}, replacing any of the same effect type. */
    public void registerOn(EffectHandlers.Builder handlers) {
        registration.accept(effects, requireNonNull(handlers, "handlers"));
    }
}
