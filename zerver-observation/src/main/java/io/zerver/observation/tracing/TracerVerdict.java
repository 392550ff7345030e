package io.zerver.observation.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * What a tracer decided about an observation it handled: whether it declined to record it
 * (not sampled, or a no-op tracer). Micrometer Tracing is optional: without it on the
 * classpath nothing is ever declined.
 */
public final class TracerVerdict {

    private static final boolean TRACING_PRESENT = isPresent("io.micrometer.tracing.handler.TracingObservationHandler");

    private TracerVerdict() {
    }

    /**
     * Whether a tracer handled the started {@code observation} and made no recording span of
     * it. False when no tracer handled it: then the observations are all there is.
     */
    public static boolean declined(Observation observation) {
        return TRACING_PRESENT && Tracing.declined(observation.getContext());
    }

    /**
     * Marks the span a tracer made of {@code observation} as failed with {@code error}, as the
     * tracer does when an observation stops with an error, but without setting the error on
     * the observation itself (its other handlers, the meter handler's {@code error} tag, do
     * not see it). Nothing happens when no tracer handled it.
     */
    public static void failSpan(Observation observation, Throwable error) {
        if (TRACING_PRESENT) {
            Tracing.failSpan(observation.getContext(), error);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, TracerVerdict.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loaded only when Micrometer Tracing is on the classpath. */
    private static final class Tracing {

        static boolean declined(Observation.ContextView context) {
            TracingObservationHandler.TracingContext tracing =
                    context.get(TracingObservationHandler.TracingContext.class);
            if (tracing == null) {
                return false;
            }
            Span span = tracing.getSpan();
            return span == null || span.isNoop();
        }

        static void failSpan(Observation.ContextView context, Throwable error) {
            TracingObservationHandler.TracingContext tracing =
                    context.get(TracingObservationHandler.TracingContext.class);
            Span span = tracing == null ? null : tracing.getSpan();
            if (span != null) {
                span.error(error);
            }
        }
    }
}
