package io.zerver.core.step;

/** How the effects of one {@link Need} are run. */
public enum Mode {
    /** All at once, truly concurrently. The default. */
    PARALLEL,
    /** One after another, in declaration order. */
    SEQUENTIAL
}
