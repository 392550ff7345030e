package io.zerver.observation.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.zerver.core.timeline.LogCorrelation;

/** {@link LogScopes} through a Micrometer {@link Tracer}. Loaded only when Micrometer Tracing is on the classpath. */
final class TracerLogScopes implements LogScopes {

    private final Tracer tracer;

    TracerLogScopes(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public LogCorrelation of(Observation observation) {
        TracingObservationHandler.TracingContext tracing =
                observation.getContext().get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null ? LogCorrelation.NONE : new InScope(tracer, span);
    }

    /** Writes each line with {@code span} in the tracer's scope on the writing thread. */
    private record InScope(Tracer tracer, Span span) implements LogCorrelation {

        @Override
        public void write(Runnable line) {
            Tracer.SpanInScope scope;
            try {
                scope = tracer.withSpan(span);
            } catch (RuntimeException e) {
                line.run(); // the tracer failed: the line still goes out, without the ids
                return;
            }
            try (scope) {
                line.run();
            }
        }
    }
}
