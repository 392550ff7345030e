package io.zerver.core.engine;

import io.zerver.core.effect.Effect;
import io.zerver.core.error.ZerverError;
import org.jspecify.annotations.Nullable;

/**
 * How one effect ended: a value (possibly none) or an error.
 *
 * @param index the effect's position in its need
 * @param effect the effect
 * @param value the result for the slot, null when there is none or it failed
 * @param error the failure, null on success
 * @param finishedAt when it finished, on the engine's ticker
 */
record EffectOutcome(int index, Effect effect, @Nullable Object value, @Nullable ZerverError error, long finishedAt) {

    static EffectOutcome success(int index, Effect effect, @Nullable Object value, long finishedAt) {
        return new EffectOutcome(index, effect, value, null, finishedAt);
    }

    static EffectOutcome failure(int index, Effect effect, ZerverError error, long finishedAt) {
        return new EffectOutcome(index, effect, null, error, finishedAt);
    }

    boolean succeeded() {
        return error == null;
    }

    boolean failedRequired() {
        return error != null && effect.required();
    }
}
