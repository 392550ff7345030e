package io.zerver.effects.http;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.time.Duration;

/**
 * How {@link HttpEffects} talks to upstream hosts: the connection pool, the response size
 * cap, and the circuit breaker each host gets. Immutable; start from {@link #defaults()}
 * and change what you need with the withers. A value out of range throws
 * {@link InvalidValueException}.
 *
 * @param connectTimeout the limit on opening one TCP connection
 * @param maxConnectionsPerHost the pool size per remote address
 * @param pendingAcquireTimeout how long a call waits for a pooled connection when all are busy
 * @param maxIdleTime how long an unused pooled connection is kept (shorter than the
 *        upstream's and its load balancer's keep-alive, so that a dead one is never reused)
 * @param maxResponseBytes the largest response body read; a larger one fails the call
 * @param compression whether to ask for gzip/deflate responses
 * @param followRedirects whether 3xx responses are followed (otherwise they are the result)
 * @param breakerFailureRateThreshold the failure rate, in percent, at or above which a
 *        host's breaker opens
 * @param breakerSlidingWindowSize the number of most recent calls the failure rate is taken over
 * @param breakerMinimumCalls the calls a window needs before the failure rate counts
 * @param breakerWaitInOpenState how long an open breaker fails calls fast before letting probes through
 * @param breakerPermittedCallsInHalfOpenState the probes a half-open breaker lets through
 */
public record HttpEffectsConfig(Duration connectTimeout, int maxConnectionsPerHost, Duration pendingAcquireTimeout,
        Duration maxIdleTime, long maxResponseBytes, boolean compression, boolean followRedirects,
        float breakerFailureRateThreshold, int breakerSlidingWindowSize, int breakerMinimumCalls,
        Duration breakerWaitInOpenState, int breakerPermittedCallsInHalfOpenState) {

    /** The largest body a byte array can hold, with room for the JVM's array header. */
    static final long MAX_BODY_LIMIT = Integer.MAX_VALUE - 8;
    /** The longest connect timeout Netty takes (an int of milliseconds). */
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private static final HttpEffectsConfig DEFAULTS = new HttpEffectsConfig(Duration.ofSeconds(2), 64,
            Duration.ofSeconds(2), Duration.ofSeconds(30), 10L * 1024 * 1024, false, false,
            50f, 20, 10, Duration.ofSeconds(10), 3);

    public HttpEffectsConfig {
        positive("connectTimeout", connectTimeout);
        if (connectTimeout.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
            throw new InvalidValueException("connectTimeout", connectTimeout,
                    "<= " + MAX_CONNECT_TIMEOUT.toMillis() + " ms");
        }
        atLeastOne("maxConnectionsPerHost", maxConnectionsPerHost);
        positive("pendingAcquireTimeout", pendingAcquireTimeout);
        positive("maxIdleTime", maxIdleTime);
        if (maxResponseBytes < 1 || maxResponseBytes > MAX_BODY_LIMIT) {
            throw new InvalidValueException("maxResponseBytes", maxResponseBytes, "1.." + MAX_BODY_LIMIT);
        }
        if (!(breakerFailureRateThreshold > 0f && breakerFailureRateThreshold <= 100f)) {
            throw new InvalidValueException("breakerFailureRateThreshold", breakerFailureRateThreshold,
                    "> 0 and <= 100");
        }
        atLeastOne("breakerSlidingWindowSize", breakerSlidingWindowSize);
        atLeastOne("breakerMinimumCalls", breakerMinimumCalls);
        if (breakerMinimumCalls > breakerSlidingWindowSize) {
            throw new InvalidValueException("breakerMinimumCalls", breakerMinimumCalls,
                    "<= breakerSlidingWindowSize " + breakerSlidingWindowSize);
        }
        positive("breakerWaitInOpenState", breakerWaitInOpenState);
        atLeastOne("breakerPermittedCallsInHalfOpenState", breakerPermittedCallsInHalfOpenState);
    }

    /**
     * Connect in 2 s, 64 connections per host waited for up to 2 s and idle for up to 30 s,
     * responses up to 10 MiB, no compression, no redirects; a breaker that opens at a 50 %
     * failure rate over the last 20 calls (10 at least), stays open 10 s, then lets 3 probes through.
     */
    public static HttpEffectsConfig defaults() {
        return DEFAULTS;
    }

    public HttpEffectsConfig withConnectTimeout(Duration timeout) {
        return new HttpEffectsConfig(timeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withMaxConnectionsPerHost(int max) {
        return new HttpEffectsConfig(connectTimeout, max, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withPendingAcquireTimeout(Duration timeout) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, timeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withMaxIdleTime(Duration idle) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, idle,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withMaxResponseBytes(long bytes) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                bytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withCompression(boolean enabled) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, enabled, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withFollowRedirects(boolean enabled) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, enabled, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withBreakerFailureRateThreshold(float percent) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, percent, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    /** A copy with another window and minimum; both at once, since the minimum may not exceed the window. */
    public HttpEffectsConfig withBreakerWindow(int slidingWindowSize, int minimumCalls) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, slidingWindowSize,
                minimumCalls, breakerWaitInOpenState, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withBreakerWaitInOpenState(Duration wait) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, wait, breakerPermittedCallsInHalfOpenState);
    }

    public HttpEffectsConfig withBreakerPermittedCallsInHalfOpenState(int calls) {
        return new HttpEffectsConfig(connectTimeout, maxConnectionsPerHost, pendingAcquireTimeout, maxIdleTime,
                maxResponseBytes, compression, followRedirects, breakerFailureRateThreshold, breakerSlidingWindowSize,
                breakerMinimumCalls, breakerWaitInOpenState, calls);
    }

    private static void positive(String name, Duration d) {
        requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidValueException(name, d, "> 0");
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new InvalidValueException(name, value, ">= 1");
        }
    }
}
