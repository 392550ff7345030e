package io.zerver.effects.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.HttpCall;
import io.zerver.core.effect.HttpResult;
import io.zerver.core.error.ZerverException;
import io.zerver.core.http.Headers;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Performs one attempt of an {@link HttpCall}: through the host's breaker, over a pooled
 * connection, reading the body up to the cap, then judging the status (see
 * {@link HttpFailures}). Timeouts and retries are the engine's.
 *
 * <p>Cancelling the returned {@code Mono} aborts the exchange: before the response the
 * client releases the connection it was writing on (closing it), during the body the
 * connection is disposed here, since a half-read connection cannot go back to the pool.
 */
final class HttpCallHandler implements EffectHandler<HttpCall> {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient client;
    private final HttpClient clientWithoutRetry;
    private final CircuitBreakerRegistry breakers;
    private final HostMeters meters;
    private final long maxResponseBytes;

    /**
     * @param client the client for requests safe to repeat: Reactor Netty re-sends once on a
     *        pooled connection found closed
     * @param clientWithoutRetry the client for writes without an idempotency key, which must
     *        never reach the upstream twice from one attempt
     */
    HttpCallHandler(HttpClient client, HttpClient clientWithoutRetry, CircuitBreakerRegistry breakers,
            HostMeters meters, long maxResponseBytes) {
        this.client = client;
        this.clientWithoutRetry = clientWithoutRetry;
        this.breakers = breakers;
        this.meters = meters;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Mono<HttpResult> perform(HttpCall call, EffectContext context) {
        return Mono.defer(() -> attempt(call, context));
    }

    private Mono<HttpResult> attempt(HttpCall call, EffectContext context) {
        if (!isHttpUrl(call.url())) {
            return Mono.error(HttpFailures.badUrl());
        }
        String host = call.target();
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        AtomicInteger inFlight = meters.inFlight(host);
        if (!breaker.tryAcquirePermission()) {
            return Mono.error(HttpFailures.circuitOpen());
        }
        // From here on every way the call can end settles the permission exactly once.
        BreakerPermit permit = new BreakerPermit(breaker, context.timeout());
        inFlight.incrementAndGet();
        return exchange(call)
                .onErrorMap(HttpFailures::of)
                .doOnNext(result -> permit.answered(result.status()))
                .doOnError(e -> permit.failed(HttpFailures.of(e)))
                .doOnCancel(permit::cancelled)
                .doFinally(signal -> inFlight.decrementAndGet())
                .handle((result, sink) -> {
                    @Nullable ZerverException failure = call.anyStatus() ? null : HttpFailures.ofStatus(result.status());
                    if (failure == null) {
                        sink.next(result);
                    } else {
                        sink.error(failure);
                    }
                });
    }

    private Mono<HttpResult> exchange(HttpCall call) {
        return Mono.defer(() -> clientFor(call)
                .request(HttpMethod.valueOf(call.method()))
                .uri(call.url())
                .send((request, outbound) -> send(call, request, outbound))
                .responseConnection((response, connection) -> read(call, response, connection))
                .single());
    }

    private HttpClient clientFor(HttpCall call) {
        return call.isWrite() && call.options().idempotencyKey() == null ? clientWithoutRetry : client;
    }

    private static Publisher<Void> send(HttpCall call, HttpClientRequest request, NettyOutbound outbound) {
        call.headers().forEach(request::addHeader);
        String key = call.options().idempotencyKey();
        if (key != null) {
            request.header(IDEMPOTENCY_KEY, key);
        }
        byte[] body = call.body();
        if (body.length == 0) {
            return outbound;
        }
        request.requestHeaders().remove(HttpHeaderNames.TRANSFER_ENCODING);
        request.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        return outbound.sendByteArray(Mono.just(body));
    }

    private Mono<HttpResult> read(HttpCall call, HttpClientResponse response, Connection connection) {
        int status = response.status().code();
        Headers headers = headersOf(response.responseHeaders());
        // A HEAD answer, a 204 and a 304 declare a length but carry no body.
        boolean bodiless = call.method().equals("HEAD") || status == 204 || status == 304;
        long declared = bodiless ? -1 : declaredLength(response.responseHeaders());
        if (declared > maxResponseBytes) {
            connection.dispose();
            return Mono.error(HttpFailures.responseTooLarge());
        }
        return connection.inbound().receive()
                .reduceWith(() -> new BoundedBody(maxResponseBytes, declared), BoundedBody::append)
                .map(body -> new HttpResult(status, headers, body.toByteArray()))
                .doOnError(e -> connection.dispose())
                .doOnCancel(connection::dispose);
    }

    private static Headers headersOf(HttpHeaders nettyHeaders) {
        Headers.Builder builder = Headers.builder();
        for (Map.Entry<String, String> header : nettyHeaders) {
            builder.add(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    private static long declaredLength(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isHttpUrl(URI url) {
        String scheme = url.getScheme();
        return url.getHost() != null && scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }
}
