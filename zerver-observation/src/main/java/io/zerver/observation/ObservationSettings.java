package io.zerver.observation;

import io.micrometer.observation.ObservationRegistry;
import io.zerver.observation.tracing.ChildSpans;
import io.zerver.observation.tracing.LogScopes;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ObservationTimelineObserver} observes with: the registry, the conventions a
 * user chose (null: the registry's global one or the default), the promotion thresholds, and
 * the timers of unsampled requests' children (null: every child is an observation), and
 * whether the application has no tracer at all (then, with those timers, every request's
 * children are timers: there is no span to make of them), and the tracer that makes the
 * spans of sampled requests' children directly (null: they are observations), and what puts
 * a request's span in scope around the engine's log lines about it (null: no tracer).
 */
record ObservationSettings(ObservationRegistry registry, @Nullable ZerverRequestObservationConvention request,
        @Nullable ZerverStepObservationConvention step, @Nullable ZerverEffectObservationConvention effect,
        @Nullable ZerverJobObservationConvention job, long promoteQueueWaitNanos, long promoteParkWaitNanos,
        @Nullable UnsampledTimers unsampledTimers, boolean untraced, @Nullable ChildSpans childSpans,
        @Nullable LogScopes logScopes) {
}
