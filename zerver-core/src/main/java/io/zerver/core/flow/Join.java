package io.zerver.core.flow;

/**
 * When the pipeline resumes after a need ({@code io.zerver.core.step.Need}): the join table
 * in docs/architecture.md (section 4.2) gives every case.
 */
public enum Join {
    /** When every effect finished; a required failure fails the request at once. The default. */
    ALL,
    /** When every required effect finished; optional ones finish in the background, unrecorded in slots. */
    ALL_REQUIRED,
    /** When the first effect finished, success or failure; the continuation decides. */
    ANY,
    /** At the first success, or when all finished; fails only if none succeeded and a required one failed. */
    FIRST_SUCCESS
}
