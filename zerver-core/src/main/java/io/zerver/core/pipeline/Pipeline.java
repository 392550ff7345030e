package io.zerver.core.pipeline;

import static java.util.Objects.requireNonNull;

import io.zerver.core.flow.Layer;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The validated chain of one route or flow: global before-steps, route before-steps,
 * then main steps. Continuations are reached through the steps that declare them.
 *
 * <p>Creating a pipeline validates it: every read has an earlier writer, no
 * slot has two writers, no step reads a slot nobody writes. A violation throws
 * {@link PipelineValidationException} naming the pipeline, the step and the slot.
 */
public final class Pipeline {

    private final String name;
    private final List<Step> steps;
    private final List<Layer> layers;

    private Pipeline(String name, List<Step> steps, List<Layer> layers) {
        this.name = name;
        this.steps = steps;
        this.layers = layers;
    }

    /**
     * Builds and validates a pipeline.
     *
     * @param name the route or flow it serves, {@code GET /todos/:id}
     * @throws PipelineValidationException when the chain breaks a rule
     */
    public static Pipeline of(String name, List<Step> global, List<Step> before, List<Step> main) {
        requireNonNull(name, "name");
        List<Step> steps = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        add(steps, layers, global, Layer.GLOBAL);
        add(steps, layers, before, Layer.ROUTE);
        add(steps, layers, main, Layer.MAIN);
        Pipeline pipeline = new Pipeline(name, Collections.unmodifiableList(steps),
                Collections.unmodifiableList(layers));
        PipelineValidator.validate(pipeline);
        return pipeline;
    }

    /** A pipeline of main steps only. */
    public static Pipeline of(String name, Step... main) {
        return of(name, List.of(), List.of(), List.of(main));
    }

    private static void add(List<Step> steps, List<Layer> layers, List<Step> add, Layer layer) {
        for (Step s : add) {
            steps.add(requireNonNull(s, "step"));
            layers.add(layer);
        }
    }

    public String name() {
        return name;
    }

    /** The chain in order (continuations not included). */
    public List<Step> steps() {
        return steps;
    }

    public int size() {
        return steps.size();
    }

    public Step step(int index) {
        return steps.get(index);
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    /** The reads/writes graph, exportable as JSON and Graphviz DOT. */
    public PipelineGraph graph() {
        return PipelineGraph.of(this);
    }

    @Override
    public String toString() {
        return name + steps;
    }
}
