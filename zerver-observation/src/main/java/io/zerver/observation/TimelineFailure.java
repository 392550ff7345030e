package io.zerver.observation;

/**
 * A failure read from a timeline, set as the error of an observation so that tracers mark
 * the span as failed. It has no stack trace: it was not thrown, the timeline recorded it.
 */
final class TimelineFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TimelineFailure(String message) {
        super(message, null, false, false);
    }
}
