package io.zerver.core.flow;

/** How the effects of one need ({@code io.zerver.core.step.Need}) are run. */
public enum Mode {
    /** All at once, truly concurrently. The default. */
    PARALLEL,
    /** One after another, in declaration order. */
    SEQUENTIAL
}
