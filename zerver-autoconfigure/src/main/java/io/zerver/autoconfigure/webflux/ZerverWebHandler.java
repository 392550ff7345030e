package io.zerver.autoconfigure.webflux;

import io.zerver.observation.ServerObservations;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Headers;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteMatch;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Serves a request with the engine: reads the body (never more than the body limit: a
 * larger one answers 413 without being kept, see {@link RequestBody}; a request without one, a
 * {@code GET} or {@code HEAD} declaring none, reads nothing), hands the request with the match
 * {@link ZerverHandlerMapping} made (or one made here when the exchange carries none) to
 * {@link Engine#handleNow(Request, RouteMatch)}, and writes the response: at once, without
 * another operator, when the pipeline answered without waiting. A body over the limit is answered by
 * {@link Engine#rejectBodyTooLarge}, as the engine answers one it sees: a Zerver request id,
 * timeline and {@code zerver.requests} timer like any other request's.
 *
 * <p>When WebFlux observes the request (Spring Boot does when an {@code ObservationRegistry}
 * is present), the engine starts in that observation's scope, offered as the Zerver
 * request's root ({@link ServerObservations#openScope}): its span, which continues the trace
 * the client's {@code traceparent} began, becomes the request's span, and log lines written
 * while the first steps run carry its trace id (for unsampled requests too, unless
 * {@code zerver.tracing.unsampled-log-correlation} is false).
 */
public final class ZerverWebHandler implements WebHandler {

    private static final byte[] NO_BODY = new byte[0];

    private final Engine engine;
    private final ObservationRegistry observationRegistry;
    private final boolean unsampledLogCorrelation;

    ZerverWebHandler(Engine engine, ObservationRegistry observationRegistry, boolean unsampledLogCorrelation) {
        this.engine = engine;
        this.observationRegistry = observationRegistry;
        this.unsampledLogCorrelation = unsampledLogCorrelation;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long limit = engine.limits().maxBodyBytes();
        long declared = headers.getContentLength();
        if (declared > limit) {
            if (headers.getFirst(HttpHeaders.EXPECT) != null) {
                // The client waits for 100 Continue before sending the body: it never comes.
                return tooLarge(request).flatMap(response -> write(exchange, response));
            }
            // The body is read and dropped for a moment first: a client still uploading would
            // otherwise meet a closed connection (a reset) instead of reading the 413.
            return RequestBody.discard(request.getBody()).then(tooLarge(request))
                    .flatMap(response -> write(exchange, response));
        }
        RouteMatch attribute = exchange.getAttribute(ZerverHandlerMapping.MATCH_ATTRIBUTE);
        RouteMatch match = attribute != null ? attribute
                : engine.routes().match(request.getMethod().name(), request.getPath().value());
        if (RequestBody.absent(request.getMethod(), headers, declared)) {
            // Nothing to read (a GET or HEAD without a body): no body stream, no aggregation.
            return Mono.deferContextual(context -> {
                Mono<Response> answered = serve(context, toRequest(request, NO_BODY), r -> engine.handleNow(r, match));
                Response now = now(answered);
                return now != null ? write(exchange, now) : answered.flatMap(response -> write(exchange, response));
            });
        }
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        return RequestBody.read(request.getBody(), cap, declared)
                .flatMap(body -> Mono.deferContextual(context -> serve(context, toRequest(request, body),
                        r -> engine.handleNow(r, match))))
                .onErrorResume(RequestBody.BodyTooLarge.class, e -> tooLarge(request))
                .flatMap(response -> write(exchange, response));
    }

    /**
     * The engine's answer to {@code request}, run now by {@code engineCall} in the scope of the
     * server observation WebFlux keeps in the subscriber's {@code context} when there is one
     * (the engine starts the request there, and takes that observation as its root).
     */
    private Mono<Response> serve(ContextView context, Request request, Function<Request, Mono<Response>> engineCall) {
        Object parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (!(parent instanceof Observation observation) || observation.isNoop()) {
            return engineCall.apply(request);
        }
        try (Observation.Scope scope = ServerObservations.openScope(observationRegistry, observation,
                unsampledLogCorrelation)) {
            return engineCall.apply(request);
        }
    }

    /** The value of {@code mono} when it is already there (a {@code Mono.just}), else null. */
    private static @Nullable Response now(Mono<Response> mono) {
        if (mono instanceof Fuseable.ScalarCallable<?> scalar) {
            try {
                return (Response) scalar.call();
            } catch (Exception e) {
                return null; // an error: the subscriber gets it
            }
        }
        return null;
    }

    /** The engine's 413 to a request whose body was not read in full. */
    private Mono<Response> tooLarge(ServerHttpRequest request) {
        return Mono.deferContextual(context -> serve(context, toRequest(request, NO_BODY), engine::rejectBodyTooLarge))
                // The rest of the body is not read: the connection cannot be reused.
                .map(response -> response.withOnlyHeader(HttpHeaders.CONNECTION, "close"));
    }

    static Request toRequest(ServerHttpRequest request, byte[] body) {
        Headers.Builder headers = Headers.builder();
        request.getHeaders().forEach((name, values) -> {
            for (String value : values) {
                headers.add(name, value);
            }
        });
        String rawQuery = request.getURI().getRawQuery();
        InetSocketAddress remote = request.getRemoteAddress();
        return new Request(request.getMethod().name(), request.getPath().value(), rawQuery == null ? "" : rawQuery,
                headers.build(), body, remote);
    }

    private static Mono<Void> write(ServerWebExchange exchange, Response response) {
        ServerHttpResponse out = exchange.getResponse();
        out.setStatusCode(HttpStatusCode.valueOf(response.status()));
        response.headers().forEach((name, value) -> out.getHeaders().add(name, value));
        byte[] body = response.body();
        if (body.length == 0) {
            return out.setComplete();
        }
        out.getHeaders().setContentLength(body.length);
        return out.writeWith(Mono.just(out.bufferFactory().wrap(body)));
    }
}
