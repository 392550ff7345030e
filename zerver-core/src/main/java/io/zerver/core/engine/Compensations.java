package io.zerver.core.engine;

import io.zerver.core.effect.Effect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The undo effects a request owes if it fails: one per effect that succeeded and named one,
 * registered as it succeeds (from any thread), taken once, newest first.
 */
final class Compensations {

    /** Made on the first one; guarded by {@code this}. */
    private @Nullable List<Pending> pending;

    synchronized void add(Effect forEffect, Effect undo) {
        List<Pending> owed = pending;
        if (owed == null) {
            owed = new ArrayList<>(2);
            pending = owed;
        }
        owed.add(new Pending(forEffect, undo));
    }

    /** Takes the pending compensations, newest first; later calls get none. */
    synchronized List<Pending> drainNewestFirst() {
        List<Pending> owed = pending;
        if (owed == null) {
            return new ArrayList<>(0);
        }
        pending = null;
        Collections.reverse(owed);
        return owed;
    }

    /** {@code undo} undoes {@code forEffect}. */
    record Pending(Effect forEffect, Effect undo) {
    }
}
