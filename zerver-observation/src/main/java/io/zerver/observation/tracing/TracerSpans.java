package io.zerver.observation.tracing;

import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import java.util.List;

/**
 * {@link ChildSpans} and {@link LogScopes} through a Micrometer {@link Tracer}. Call it only
 * when the application has a tracer: it needs Micrometer Tracing on the classpath.
 */
public final class TracerSpans {

    private TracerSpans() {
    }

    /**
     * The spans of sampled requests' children made through {@code tracer}, declined by
     * {@code predicates} and tagged after {@code filters} as their observations would be.
     */
    public static ChildSpans childSpans(Tracer tracer, List<? extends ObservationPredicate> predicates,
            List<? extends ObservationFilter> filters) {
        return new TracerChildSpans(tracer, predicates, filters);
    }

    /** Log lines written with a request's span in {@code tracer}'s scope. */
    public static LogScopes logScopes(Tracer tracer) {
        return new TracerLogScopes(tracer);
    }
}
