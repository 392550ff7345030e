package io.zerver.core.timeline;

/**
 * Watches requests as they run: tracing, metrics and the recent-requests view plug in
 * here. Called on whatever thread the event happened on, but one event at a time per
 * timeline and in the order stored; must be fast and must not throw (an exception is
 * logged and otherwise ignored).
 *
 * <p>Work may outlive the answer: optional effects still running in the background of an
 * {@code ALL_REQUIRED} join, compensations that finish after a deadline, attempts
 * cancelled when a client went away. Their events arrive after {@link #onFinish}.
 */
public interface TimelineObserver {

    /** A request began. */
    default void onStart(Timeline timeline) {
    }

    /** An event was appended to {@code timeline}. */
    default void onEvent(Timeline timeline, TimelineEvent event) {
    }

    /** The request was answered; {@code timeline} is complete. */
    default void onFinish(Timeline timeline) {
    }

    /** An observer that does nothing. */
    static TimelineObserver noop() {
        return NoopObserver.INSTANCE;
    }

    /** An observer that calls each of {@code observers} in turn. */
    static TimelineObserver composite(java.util.List<TimelineObserver> observers) {
        return observers.isEmpty() ? noop() : new CompositeObserver(observers);
    }
}
