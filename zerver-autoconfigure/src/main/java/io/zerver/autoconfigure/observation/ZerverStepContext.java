package io.zerver.autoconfigure.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.Observation;
import io.zerver.core.flow.Layer;
import org.jspecify.annotations.Nullable;

/** One run of a step: its name, layer and sequence; its outcome once it returned. */
public class ZerverStepContext extends Observation.Context {

    private final String step;
    private final Layer layer;
    private final int sequence;
    private @Nullable String outcome;
    private @Nullable String exception;

    public ZerverStepContext(String step, Layer layer, int sequence) {
        this.step = requireNonNull(step, "step");
        this.layer = requireNonNull(layer, "layer");
        this.sequence = sequence;
    }

    public String step() {
        return step;
    }

    public Layer layer() {
        return layer;
    }

    /** The step's position in the request's run, from 1. */
    public int sequence() {
        return sequence;
    }

    /** {@code continue}, {@code need}, {@code done}, {@code fail} or {@code error}; null while running. */
    public @Nullable String outcome() {
        return outcome;
    }

    void outcome(String decided) {
        this.outcome = decided;
    }

    /** The class name of the exception the step threw, or null. */
    public @Nullable String exception() {
        return exception;
    }

    void exception(String className) {
        this.exception = className;
    }
}
