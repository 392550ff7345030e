package io.zerver.supervisor.feature;

import org.springframework.core.NestedExceptionUtils;

/** A feature jar that could not be opened, loaded, validated or started; the message says why. */
final class FeatureLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FeatureLoadException(String message) {
        super(message);
    }

    FeatureLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why {@code e} happened, for people: its most specific cause's type and message. */
    static String reason(Throwable e) {
        Throwable specific = NestedExceptionUtils.getMostSpecificCause(e);
        String message = specific.getMessage();
        return specific.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
