package io.zerver.supervisor.feature;

/** A feature jar that could not be opened, loaded, validated or started; the message says why. */
public final class FeatureLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FeatureLoadException(String message) {
        super(message);
    }

    public FeatureLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
