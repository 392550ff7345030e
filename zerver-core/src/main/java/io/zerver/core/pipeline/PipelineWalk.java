package io.zerver.core.pipeline;

import io.zerver.core.flow.Layer;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every place a step of a pipeline may run: each chain step in order, each followed by the
 * continuations reachable from it, depth first in declaration order.
 *
 * <p>Within the tree of one chain step a continuation is visited once, on the first path
 * that reaches it, so cycles terminate. A continuation shared by two chain steps is
 * visited under each of them, because it runs in a different context.
 */
final class PipelineWalk {

    private PipelineWalk() {
    }

    static List<Visit> of(Pipeline pipeline) {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < pipeline.size(); i++) {
            Step root = pipeline.step(i);
            Layer layer = pipeline.layer(i);
            visits.add(new Visit(root, layer, i, List.of()));
            Set<Step> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.add(root);
            descend(root, List.of(root), layer, i, seen, visits);
        }
        return List.copyOf(visits);
    }

    private static void descend(Step step, List<Step> path, Layer layer, int position, Set<Step> seen,
            List<Visit> visits) {
        for (Step next : step.continuations()) {
            if (!seen.add(next)) {
                continue;
            }
            visits.add(new Visit(next, layer, position, path));
            List<Step> longer = new ArrayList<>(path);
            longer.add(next);
            descend(next, List.copyOf(longer), layer, position, seen, visits);
        }
    }

    /**
     * One place a step may run.
     *
     * @param step the step
     * @param layer the layer of the chain step it belongs to
     * @param position the index of that chain step
     * @param path the steps that run before it within its chain step's tree, from the chain
     *     step down to its parent; empty for a chain step
     */
    record Visit(Step step, Layer layer, int position, List<Step> path) {

        boolean isContinuation() {
            return !path.isEmpty();
        }

        @Nullable Step parent() {
            return path.isEmpty() ? null : path.get(path.size() - 1);
        }

        /** Whether {@code step} is on the path to this visit, or is its step. */
        boolean reachedThrough(Step other) {
            if (step == other) {
                return true;
            }
            for (Step s : path) {
                if (s == other) {
                    return true;
                }
            }
            return false;
        }

        /** {@code 'name' (main, position 3)} or {@code 'name' (main, continuation of 'x' at position 3)}. */
        String describe() {
            Step parent = parent();
            String where = parent == null ? "position " + position
                    : "continuation of '" + parent.name() + "' at position " + position;
            return "'" + step.name() + "' (" + layer.label() + ", " + where + ")";
        }
    }
}
