package io.zerver.autoconfigure.engine;

import io.zerver.core.pipeline.PipelineValidationException;
import io.zerver.core.pipeline.PipelineValidationException.Violation;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an invalid pipeline at start-up: each route, step and slot, and what to do. */
class PipelineValidationFailureAnalyzer extends AbstractFailureAnalyzer<PipelineValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PipelineValidationException cause) {
        StringBuilder description = new StringBuilder("A Zerver pipeline breaks the rules of its slots:\n");
        for (Violation v : cause.violations()) {
            description.append("\n    route '").append(v.pipeline()).append("', step '").append(v.step())
                    .append("', slot '").append(v.slot()).append("': ").append(v.rule()).append(" - ")
                    .append(v.detail());
        }
        String action = """
                Fix the steps' declarations: every slot a step reads must be written by an earlier step \
                (or by the effects of an earlier step), and each slot by one step only. The graph of \
                reads and writes of any pipeline is printed by Pipeline.graph().toDot().""";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
