package io.zerver.core.pipeline;

final class PipelineValidator {

    private PipelineValidator() {
    }

    static void validate(Pipeline pipeline) {
        // implemented by the validation work in progress
    }
}
