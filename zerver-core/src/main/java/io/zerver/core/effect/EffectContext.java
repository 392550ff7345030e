package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * What a handler knows about the attempt it performs.
 *
 * @param requestId the request the effect belongs to
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 * @param timeout the time this attempt has: the effect's timeout, or less near the deadline
 * @param timeline where a handler adds events to the request's timeline
 */
public record EffectContext(String requestId, int attempt, Duration timeout, Recorder timeline) {

    public EffectContext {
        requireNonNull(requestId, "requestId");
        requireNonNull(timeout, "timeout");
        requireNonNull(timeline, "timeline");
    }

    /** A context whose timeline events go nowhere, for calling a handler directly. */
    public EffectContext(String requestId, int attempt, Duration timeout) {
        this(requestId, attempt, timeout, event -> { });
    }

    /** Adds an event to the request's timeline. */
    public void record(LongFunction<TimelineEvent> event) {
        timeline.record(event);
    }

    /** Receives timeline events from a handler; the function gets the event's time. */
    @FunctionalInterface
    public interface Recorder {

        /**
         * @param event builds the event from its time, in nanoseconds since the request
         *     arrived
         */
        void record(LongFunction<TimelineEvent> event);
    }
}
