package io.zerver.core.step;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.Effect;

/**
 * Undoes {@code effect} if the request fails after it succeeded.
 *
 * @param effect the effect of the same {@link Need} that this undoes
 * @param undo the compensating effect
 */
public record Compensation(Effect effect, Effect undo) {

    public Compensation {
        requireNonNull(effect, "effect");
        requireNonNull(undo, "undo");
    }
}
