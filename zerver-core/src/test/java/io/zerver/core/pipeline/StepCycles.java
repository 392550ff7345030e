package io.zerver.core.pipeline;

import io.zerver.core.step.Step;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds continuation cycles for tests. {@link Step.Builder} can only name steps that
 * already exist, so it cannot close a cycle; the validator and the graph still guard
 * against one, and this is how the tests get one.
 */
final class StepCycles {

    private StepCycles() {
    }

    /** Makes {@code step} also continue with {@code continuation}. */
    static void addContinuation(Step step, Step continuation) {
        try {
            Field field = Step.class.getDeclaredField("continuations");
            field.setAccessible(true);
            List<Step> more = new ArrayList<>(step.continuations());
            more.add(continuation);
            field.set(step, List.copyOf(more));
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot add continuation '" + continuation + "' to '" + step + "'", ex);
        }
    }
}
