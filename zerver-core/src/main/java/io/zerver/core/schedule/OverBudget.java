package io.zerver.core.schedule;

/** What happens to work that used up its CPU budget. */
public enum OverBudget {
    /** Its next jobs yield: they queue behind all other ready work. */
    PARK,
    /** It fails with 503 (Overloaded, key {@code cpu_budget}). */
    REJECT
}
