package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.zerver.observation.tracing.ChildSpans;
import org.jspecify.annotations.Nullable;

/**
 * A step, effect attempt or promoted job of a request, running: an observation, or a span
 * made directly through the tracer ({@link ChildSpans}) with a timer recorded directly, or a
 * timer only ({@link UnsampledTimers}: the request was not sampled).
 *
 * @param <C> its context
 */
final class RunningChild<C extends Observation.Context> {

    private final C context;
    private final long startedAt;
    private final @Nullable Observation observation;
    /** How the span and timer made directly are named and tagged (the user's convention or the default). */
    private final ObservationConvention<C> convention;
    private final ChildSpans.@Nullable Child span;
    private final @Nullable UnsampledTimers timers;
    private boolean failed;

    private RunningChild(C context, long startedAt, @Nullable Observation observation,
            ObservationConvention<C> convention, ChildSpans.@Nullable Child span, @Nullable UnsampledTimers timers) {
        this.context = context;
        this.startedAt = startedAt;
        this.observation = observation;
        this.convention = convention;
        this.span = span;
        this.timers = timers;
    }

    /** A child observed: its observation does it all (span and timer, through every handler). */
    static <C extends Observation.Context> RunningChild<C> observed(C context, long startedAt, Observation observation,
            ObservationConvention<C> convention) {
        return new RunningChild<>(context, startedAt, observation, convention, null, null);
    }

    /** A child timed on {@code timers}, and spanned when {@code span} is not null. */
    static <C extends Observation.Context> RunningChild<C> direct(C context, long startedAt,
            ObservationConvention<C> convention, ChildSpans.@Nullable Child span, @Nullable UnsampledTimers timers) {
        return new RunningChild<>(context, startedAt, null, convention, span, timers);
    }

    C context() {
        return context;
    }

    /** Its span made directly, as the parent of the steps of a promoted job; null when none. */
    ChildSpans.@Nullable Child span() {
        return span;
    }

    /** Its observation, as the parent of the steps of a promoted job; null when not observed. */
    @Nullable Observation observation() {
        return observation;
    }

    /** Marks it failed: its span gets {@code failure}, its timer the {@code error} tag of one. */
    void fail(TimelineFailure failure) {
        failed = true;
        if (observation != null) {
            observation.error(failure);
        } else if (span != null) {
            span.fail(failure);
        }
    }

    /** Ends it, its timer (when recorded directly) recording {@code nanos}. */
    void end(long nanos) {
        if (observation != null) {
            observation.stop();
            return;
        }
        if (span != null) {
            span.end(convention, context);
        }
        if (timers != null) {
            timers.record(convention, context, failed, nanos);
        }
    }

    /** Ends it at {@code at}, nanoseconds since the request began: its timer records the time since it started. */
    void endAt(long at) {
        end(at - startedAt);
    }

    /**
     * A started child of {@code parent}. After the request stopped (background effects,
     * late compensations) the parent is still the request: a child may outlive its parent,
     * and its trace stays whole.
     */
    static <C extends Observation.Context> Observation observe(@Nullable ObservationConvention<C> custom,
            ObservationConvention<C> defaults, C childContext, Observation parent, ObservationRegistry registry) {
        Observation child = Observation.createNotStarted(custom, defaults, () -> childContext, registry)
                .parentObservation(parent);
        Observation current = registry.getCurrentObservation();
        if (current == null || current == parent) {
            return child.start();
        }
        // Tracers prefer the span in scope on this thread (the server's, when WebFlux started
        // the request in its scope) to the parent given: put the parent in scope for the start.
        try (Observation.Scope scope = parent.openScope()) {
            return child.start();
        }
    }

}
