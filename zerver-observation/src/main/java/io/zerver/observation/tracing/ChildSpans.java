package io.zerver.observation.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import org.jspecify.annotations.Nullable;

/**
 * The spans of a sampled request's children (steps, effect attempts, promoted jobs) made
 * directly through the application's tracer instead of as observations: the same spans the
 * tracing handler would make of those observations (name, parent, kind, the convention's key
 * values after the registry's filters, error status), without a trip through every
 * {@code ObservationHandler}. Their timers are recorded apart. Free of tracing types, so that
 * the observer loads without Micrometer Tracing; {@link TracerSpans#childSpans} makes them.
 */
public interface ChildSpans {

    /**
     * The span a tracer recorded of the started {@code observation}, as a parent of direct
     * children; null when no tracer recorded one (none handled it, or it was not sampled).
     */
    @Nullable Parent of(Observation observation);

    /** A recorded span under which children may be started. */
    interface Parent {

        /**
         * Starts a child named as {@code convention} names {@code context} (its contextual
         * name, else its name), a client span when {@code client}; null when one of the
         * registry's predicates declines it, as it would decline the observation.
         */
        <C extends Observation.Context> @Nullable Child child(ObservationConvention<C> convention, C context,
                boolean client);
    }

    /** A started child span: itself a parent, for the steps of a promoted job. */
    interface Child extends Parent {

        /** Marks the span failed with {@code error} (status and recorded exception). */
        void fail(Throwable error);

        /**
         * Ends the span, tagged with the key values {@code convention} gives {@code context}
         * now, after the registry's filters, as an observation stopping would.
         */
        <C extends Observation.Context> void end(ObservationConvention<C> convention, C context);
    }
}
