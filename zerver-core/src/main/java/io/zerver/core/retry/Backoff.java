package io.zerver.core.retry;

/** How the delay between attempts grows. */
public enum Backoff {
    /** No retry at all. */
    NONE,
    /** The same delay before every retry. */
    FIXED,
    /** base, 2 base, 3 base, ... */
    LINEAR,
    /** base, 2 base, 4 base, 8 base, ... */
    EXPONENTIAL,
    /** base, base, 2 base, 3 base, 5 base, ... */
    FIBONACCI
}
