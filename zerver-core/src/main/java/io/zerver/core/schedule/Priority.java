package io.zerver.core.schedule;

import java.util.Locale;
import java.util.Optional;

/** The priority class of a request's step jobs. */
public enum Priority {
    /** A person is waiting: runs first. */
    INTERACTIVE,
    /** Nobody is waiting: runs when interactive work allows, shed first. */
    BATCH;

    /** The lower-case name used in headers, metrics and timelines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label ({@code interactive}, {@code batch}), ignoring case. */
    public static Optional<Priority> parse(String label) {
        for (Priority p : values()) {
            if (p.label().equalsIgnoreCase(label.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
