package io.zerver.core.pipeline;

/** The reads/writes graph of a pipeline. */
public final class PipelineGraph {

    private final Pipeline pipeline;

    private PipelineGraph(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    static PipelineGraph of(Pipeline pipeline) {
        return new PipelineGraph(pipeline);
    }

    public String toJson() {
        return "{}";
    }

    public String toDot() {
        return "digraph {}";
    }
}
