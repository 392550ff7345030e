package io.zerver.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/** {@link LogScopes} through a Micrometer {@link Tracer}. Loaded only when Micrometer Tracing is on the classpath. */
final class TracerLogScopes implements LogScopes {

    private final Tracer tracer;

    TracerLogScopes(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void write(Observation observation, Runnable line) {
        TracingObservationHandler.TracingContext tracing =
                observation.getContext().get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null) {
            line.run();
            return;
        }
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
