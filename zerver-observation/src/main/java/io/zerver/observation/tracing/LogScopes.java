package io.zerver.observation.tracing;

import io.micrometer.observation.Observation;
import io.zerver.core.timeline.LogCorrelation;

/**
 * Makes a request's {@link LogCorrelation} from its observation: the span a tracer made of it,
 * put in scope around each log line on the thread that writes it, so that the tracer's log
 * correlation gives the line that span's trace and span ids. Only the writing thread is touched:
 * unlike opening the observation's own scope, it works on several threads at once. Free of
 * tracing types, so that the observer loads without Micrometer Tracing; {@link TracerSpans#logScopes}
 * makes them.
 */
public interface LogScopes {

    /**
     * The correlation of the request {@code observation} observes: it holds the span alone (a
     * timeline keeps it as long as it is kept itself, so it must not hold the observation's
     * context, which may hold the request and response). {@link LogCorrelation#NONE} when the
     * tracer made no span of it.
     */
    LogCorrelation of(Observation observation);
}
