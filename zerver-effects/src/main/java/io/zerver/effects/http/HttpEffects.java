package io.zerver.effects.http;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.HttpCall;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Performs {@link HttpCall} effects over one pooled Reactor Netty client (TCP_NODELAY on,
 * compression and redirects off unless configured), with a Resilience4j circuit breaker
 * per target host and a cap on the response body.
 *
 * <pre>{@code
 * HttpEffects http = HttpEffects.create(HttpEffectsConfig.defaults());
 * Engine engine = Engine.builder()
 *         .routes(routes)
 *         .handlers(http.registerOn(EffectHandlers.builder()).build())
 *         .build();
 * ...
 * http.close();
 * }</pre>
 *
 * <p>Each call is one attempt: the engine applies the effect's timeout (cancelling the
 * call, which closes its connection) and retries transient failures by the effect's retry
 * policy, writes only when they carry an idempotency key, which is sent as the
 * {@code Idempotency-Key} request header. Errors all have {@code what = "http"}:
 * <ul>
 * <li>2xx and 3xx succeed (redirects are the result unless following them is configured);
 * <li>429 is TooManyRequests and 5xx UpstreamUnavailable, both transient, so retried;
 * <li>404 and 410 are NotFound, 409 and 412 Conflict, every other 4xx Internal: the
 *     upstream refused the request this service built (its shape, its credentials), a
 *     defect here rather than the client's fault, so neither InvalidInput nor Unauthorized;
 *     none of them transient, so never retried. A step that wants to pass an upstream 4xx
 *     on in its own terms uses {@code acceptingAnyStatus()} and decides;
 * <li>these keys are {@code "status_" + code};
 * <li>no answer (refused, reset, unknown host, closed early, connect timeout) is
 *     UpstreamUnavailable {@code "unavailable"}; a body over the cap UpstreamUnavailable
 *     {@code "response_too_large"} (read no further, connection closed); an open breaker
 *     UpstreamUnavailable {@code "circuit_open"}, without any I/O; no pooled connection
 *     free within the pending-acquire timeout Overloaded {@code "pool_exhausted"};
 *     a URL that is not absolute http(s) Internal {@code "bad_url"}; a method or header
 *     Netty refuses to write (a CR or LF in a value) Internal {@code "bad_request"}.
 * </ul>
 * A call built with {@code acceptingAnyStatus()} gets every answered status in its slot.
 *
 * <p>The breaker of a host counts 5xx, 429, no answer, an oversized body and an attempt
 * cancelled by its timeout as failures; other answers, 4xx included, as successes;
 * cancellations before the timeout (a lost join) and local pool exhaustion not at all.
 */
public final class HttpEffects implements AutoCloseable {

    /** The name of the connection pool, as seen in Reactor Netty's logs and metrics. */
    public static final String POOL_NAME = "zerver-http";

    private final HttpEffectsConfig config;
    private final ConnectionProvider pool;
    private final HttpClient client;
    private final HttpClient clientWithoutRetry;
    private final CircuitBreakerRegistry breakers;
    private final HostMeters meters;
    private final HttpCallHandler handler;

    private HttpEffects(HttpEffectsConfig config) {
        this.config = config;
        this.pool = ConnectionProvider.builder(POOL_NAME)
                .maxConnections(config.maxConnectionsPerHost())
                .pendingAcquireTimeout(config.pendingAcquireTimeout())
                .maxIdleTime(config.maxIdleTime())
                .build();
        this.client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .compress(config.compression())
                .followRedirect(config.followRedirects());
        this.breakers = CircuitBreakerRegistry.of(breakerConfig(config));
        this.meters = new HostMeters(breakers);
        this.clientWithoutRetry = client.disableRetry(true);
        this.handler = new HttpCallHandler(client, clientWithoutRetry, breakers, meters, config.maxResponseBytes());
    }

    /** A new client with its own connection pool and breakers; {@link #close()} it when done. */
    public static HttpEffects create(HttpEffectsConfig config) {
        return new HttpEffects(requireNonNull(config, "config"));
    }

    /** Registers the {@link HttpCall} handler on {@code builder}, and returns the builder. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder builder) {
        return requireNonNull(builder, "builder").on(HttpCall.class, handler);
    }

    /** The handler itself, for composing with other handlers. */
    public EffectHandler<HttpCall> handler() {
        return handler;
    }

    public HttpEffectsConfig config() {
        return config;
    }

    /** The state of each host's breaker, for health and metrics; hosts never called are absent. */
    public Map<String, CircuitBreaker.State> breakerStates() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        breakers.getAllCircuitBreakers().forEach(b -> states.put(b.getName(), b.getState()));
        return Collections.unmodifiableMap(states);
    }

    /**
     * Exposes, per host called, the breaker state ({@code zerver.http.client.breaker.state}:
     * 0 closed, 1 half-open, 2 open, 3 disabled) and the calls in flight
     * ({@code zerver.http.client.in.flight}), both tagged {@code host} and nothing else.
     * Hosts called later get their gauges when first called. One registry per instance.
     *
     * @return this
     * @throws IllegalStateException when already bound
     */
    public HttpEffects bindTo(MeterRegistry registry) {
        meters.bindTo(requireNonNull(registry, "registry"));
        return this;
    }

    /** Removes this instance's meters and closes its pooled connections. */
    @Override
    public void close() {
        meters.unbind();
        pool.dispose();
    }

    /** The client for requests safe to repeat. */
    HttpClient client() {
        return client;
    }

    /** The client for writes without an idempotency key: Reactor Netty's own retry off. */
    HttpClient clientWithoutRetry() {
        return clientWithoutRetry;
    }

    /** The breaker of {@code host}, created on first use. */
    CircuitBreaker breaker(String host) {
        return breakers.circuitBreaker(host);
    }

    private static CircuitBreakerConfig breakerConfig(HttpEffectsConfig config) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(config.breakerFailureRateThreshold())
                .slidingWindowSize(config.breakerSlidingWindowSize())
                .minimumNumberOfCalls(config.breakerMinimumCalls())
                .waitDurationInOpenState(config.breakerWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(config.breakerPermittedCallsInHalfOpenState())
                .writableStackTraceEnabled(false)
                .build();
    }
}
