package io.zerver.supervisor.link;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.zerver.observation.ServerObservations;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The supervisor's observation of a request the ingest forwarded, in the part WebFlux's server
 * observation plays in embedded mode: a span of kind server that continues the trace of the
 * client's {@code traceparent} (the ingest forwards it with the other headers), in whose scope
 * the engine starts the request, offered as its root ({@link ServerObservations#within}). So
 * in two-process mode too a request is one span named {@code METHOD /route-pattern} with its
 * steps and effects under it, in the client's trace, and the lines the engine logs while its
 * first steps run carry the trace id. Its timer is {@code zerver.link.requests}, tagged with
 * the outcome; {@code zerver.requests} keeps the route's tags.
 */
final class LinkRequestObservation {

    /** The observation's name, and so its timer's. */
    static final String NAME = "zerver.link.requests";

    private final ObservationRegistry registry;
    private final boolean unsampledLogCorrelation;

    LinkRequestObservation(ObservationRegistry registry, boolean unsampledLogCorrelation) {
        this.registry = registry;
        this.unsampledLogCorrelation = unsampledLogCorrelation;
    }

    /**
     * What {@code work} answers to {@code request}, observed from subscription to answer;
     * {@code work} unchanged when nothing observes.
     */
    Mono<Response> observe(Request request, Supplier<Mono<Response>> work) {
        if (registry.isNoop()) {
            return work.get();
        }
        return Mono.defer(() -> {
            LinkRequestContext context = new LinkRequestContext(request.method(), request.headers());
            Observation observation = Observation.createNotStarted(Convention.INSTANCE, () -> context, registry);
            if (observation.isNoop()) {
                return work.get();
            }
            observation.start();
            return ServerObservations.within(registry, observation, unsampledLogCorrelation, work)
                    .doOnNext(response -> context.setResponse(response.status()))
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop());
        });
    }

    /**
     * A forwarded request: its headers are the carrier the tracer reads the trace from, its
     * response the status. It keeps neither body.
     */
    static final class LinkRequestContext extends RequestReplyReceiverContext<Headers, Integer> {

        private final String method;

        LinkRequestContext(String method, Headers headers) {
            super((carrier, key) -> carrier.first(key).orElse(null));
            this.method = method;
            setCarrier(headers);
        }

        String method() {
            return method;
        }
    }

    /** Names the observation, its span until the engine renames it, and tags its timer with the outcome. */
    private enum Convention implements ObservationConvention<LinkRequestContext> {
        INSTANCE;

        private static final KeyValues SUCCESS = outcome("SUCCESS");
        private static final KeyValues REDIRECTION = outcome("REDIRECTION");
        private static final KeyValues CLIENT_ERROR = outcome("CLIENT_ERROR");
        private static final KeyValues SERVER_ERROR = outcome("SERVER_ERROR");
        private static final KeyValues UNKNOWN = outcome("UNKNOWN");

        private static KeyValues outcome(String value) {
            return KeyValues.of(KeyValue.of("outcome", value));
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public String getContextualName(LinkRequestContext context) {
            return context.method();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(LinkRequestContext context) {
            Integer answered = context.getResponse();
            if (answered == null) {
                return UNKNOWN;
            }
            int status = answered;
            return status >= 500 ? SERVER_ERROR
                    : status >= 400 ? CLIENT_ERROR
                    : status >= 300 ? REDIRECTION
                    : status >= 200 ? SUCCESS : UNKNOWN;
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof LinkRequestContext;
        }
    }
}
