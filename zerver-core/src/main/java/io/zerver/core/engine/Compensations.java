package io.zerver.core.engine;

import io.zerver.core.effect.Effect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The undo effects a request owes if it fails: one per effect that succeeded and named one,
 * registered as it succeeds (from any thread), taken once, newest first.
 */
final class Compensations {

    private final List<Pending> pending = new ArrayList<>(0);

    void add(Effect forEffect, Effect undo) {
        synchronized (pending) {
            pending.add(new Pending(forEffect, undo));
        }
    }

    /** Takes the pending compensations, newest first; later calls get none. */
    List<Pending> drainNewestFirst() {
        synchronized (pending) {
            List<Pending> out = new ArrayList<>(pending);
            pending.clear();
            Collections.reverse(out);
            return out;
        }
    }

    /** {@code undo} undoes {@code forEffect}. */
    record Pending(Effect forEffect, Effect undo) {
    }
}
