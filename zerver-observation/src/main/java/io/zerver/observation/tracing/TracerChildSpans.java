package io.zerver.observation.tracing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link ChildSpans} made with a Micrometer {@link Tracer}. Loaded only when Micrometer
 * Tracing is on the classpath.
 */
final class TracerChildSpans implements ChildSpans {

    private final Tracer tracer;
    private final List<ObservationPredicate> predicates;
    private final List<ObservationFilter> filters;

    TracerChildSpans(Tracer tracer, List<? extends ObservationPredicate> predicates,
            List<? extends ObservationFilter> filters) {
        this.tracer = tracer;
        this.predicates = List.copyOf(predicates);
        this.filters = List.copyOf(filters);
    }

    @Override
    public @Nullable Parent of(Observation observation) {
        TracingObservationHandler.TracingContext tracing =
                observation.getContext().get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null || span.isNoop() ? null : new Direct(span, "");
    }

    private final class Direct implements Child {

        private final Span span;
        /** The name the span started with. */
        private final String name;

        Direct(Span span, String name) {
            this.span = span;
            this.name = name;
        }

        @Override
        public <C extends Observation.Context> @Nullable Child child(ObservationConvention<C> convention, C context,
                boolean client) {
            String name = convention.getName();
            if (name == null) {
                return null;
            }
            context.setName(name);
            String contextualName = convention.getContextualName(context);
            context.setContextualName(contextualName);
            context.addLowCardinalityKeyValues(convention.getLowCardinalityKeyValues(context));
            for (ObservationPredicate predicate : predicates) {
                if (!predicate.test(name, context)) {
                    return null;
                }
            }
            String spanName = contextualName != null ? contextualName : name;
            // As the tracing handlers make them: a sender's through a builder, any other as the next span.
            Span child = client
                    ? tracer.spanBuilder().setParent(span.context()).name(spanName).kind(Span.Kind.CLIENT).start()
                    : tracer.nextSpan(span).name(spanName).start();
            return new Direct(child, spanName);
        }

        @Override
        public void fail(Throwable error) {
            span.error(error);
        }

        @Override
        public <C extends Observation.Context> void end(ObservationConvention<C> convention, C context) {
            context.addLowCardinalityKeyValues(convention.getLowCardinalityKeyValues(context));
            context.addHighCardinalityKeyValues(convention.getHighCardinalityKeyValues(context));
            Observation.Context mapped = context;
            for (ObservationFilter filter : filters) {
                mapped = filter.map(mapped);
            }
            String contextualName = mapped.getContextualName();
            if (contextualName != null && !contextualName.equals(name)) {
                span.name(contextualName);
            }
            for (KeyValue value : mapped.getLowCardinalityKeyValues()) {
                span.tag(value.getKey(), value.getValue());
            }
            for (KeyValue value : mapped.getHighCardinalityKeyValues()) {
                span.tag(value.getKey(), value.getValue());
            }
            span.end();
        }
    }
}
