package io.zerver.core.flow;

/** Where in a pipeline a step sits. */
public enum Layer {
    /** The application-wide before-chain. */
    GLOBAL,
    /** The route's own before-chain. */
    ROUTE,
    /** The route's main steps and their continuations. */
    MAIN;

    /** The lower-case name used in timelines and traces. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
