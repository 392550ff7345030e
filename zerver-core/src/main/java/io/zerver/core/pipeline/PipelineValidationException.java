package io.zerver.core.pipeline;

import java.util.List;

/**
 * A pipeline broke a rule of static validation (docs/architecture.md). The message names the pipeline, the step and the
 * slot of every violation found.
 */
public final class PipelineValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public PipelineValidationException(String pipeline, List<Violation> violations) {
        super(message(pipeline, violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(String pipeline, List<Violation> violations) {
        StringBuilder sb = new StringBuilder("pipeline '").append(pipeline).append("' is invalid:");
        for (Violation v : violations) {
            sb.append("\n  - ").append(v);
        }
        return sb.toString();
    }

    /** What rule was broken. */
    public enum Rule {
        /** A step reads a slot that only a later step writes. */
        READ_BEFORE_WRITE,
        /** Two steps write the same slot. */
        TWO_WRITERS,
        /** A step reads a slot no step of the pipeline writes. */
        NO_WRITER
    }

    /**
     * One broken rule.
     *
     * @param pipeline the route or flow
     * @param step the step that breaks it
     * @param slot the slot concerned
     * @param rule the rule
     * @param detail a sentence saying what is wrong and what to do
     */
    public record Violation(String pipeline, String step, String slot, Rule rule, String detail) {

        @Override
        public String toString() {
            return rule + ": step '" + step + "', slot '" + slot + "': " + detail;
        }
    }
}
