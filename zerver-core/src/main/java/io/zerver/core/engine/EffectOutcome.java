package io.zerver.core.engine;

import io.zerver.core.effect.Effect;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.slot.Slot;
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

    /**
     * The error as the client may see it. A NotFound or Internal error of a handler names
     * storage keys, paths or internals: the client gets the effect's family and its slot
     * (or kind) instead; the full key stays in the timeline.
     */
    @Nullable ZerverError publicError() {
        ZerverError e = error;
        if (e == null || e.what().equals("request")) {
            return e;
        }
        if (e.kind() == ErrorKind.NOT_FOUND || e.kind() == ErrorKind.INTERNAL) {
            Slot<?> slot = effect.slot();
            return ZerverError.of(e.kind(), EffectRunner.family(effect), slot != null ? slot.name() : effect.kind());
        }
        return e;
    }

    boolean failedRequired() {
        return error != null && effect.required();
    }
}
