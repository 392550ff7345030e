package io.zerver.effects.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Per-host state for metrics: calls in flight, and once bound to a registry, two gauges
 * per host. Tagged by host only, so cardinality is the number of hosts the application
 * calls, never paths or statuses.
 */
final class HostMeters {

    /** The meters, all tagged {@link #HOST_TAG}. */
    enum Name {
        /** The host's breaker: 0 closed, 1 half-open, 2 open (forced open too), 3 disabled or metrics only. */
        BREAKER_STATE("zerver.http.client.breaker.state"),
        /** Calls to the host started and not yet ended. */
        IN_FLIGHT("zerver.http.client.in.flight");

        private final String meterName;

        Name(String meterName) {
            this.meterName = meterName;
        }

        String meterName() {
            return meterName;
        }
    }

    static final String HOST_TAG = "host";

    private final CircuitBreakerRegistry breakers;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final List<Meter> meters = new ArrayList<>();
    private final Set<String> registeredHosts = new HashSet<>();
    private @Nullable MeterRegistry registry;

    HostMeters(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    /** The in-flight counter of {@code host}, created (and its gauges registered) on first use. */
    AtomicInteger inFlight(String host) {
        AtomicInteger counter = inFlight.get(host);
        if (counter != null) {
            return counter;
        }
        AtomicInteger created = new AtomicInteger();
        AtomicInteger raced = inFlight.putIfAbsent(host, created);
        if (raced != null) {
            return raced;
        }
        synchronized (this) {
            if (registry != null) {
                register(registry, host, created);
            }
        }
        return created;
    }

    synchronized void bindTo(MeterRegistry newRegistry) {
        if (registry != null) {
            throw new IllegalStateException("meterRegistry: " + newRegistry
                    + " (expected: none bound yet, but already bound to " + registry + ")");
        }
        registry = newRegistry;
        inFlight.forEach((host, counter) -> register(newRegistry, host, counter));
    }

    /** Removes the meters registered so far. */
    synchronized void unbind() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
        meters.clear();
        registeredHosts.clear();
        registry = null;
    }

    private void register(MeterRegistry to, String host, AtomicInteger counter) {
        if (!registeredHosts.add(host)) {
            return;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        meters.add(Gauge.builder(Name.BREAKER_STATE.meterName(), breaker, b -> stateCode(b.getState()))
                .tag(HOST_TAG, host)
                .description("The host's circuit breaker: 0 closed, 1 half-open, 2 open, 3 disabled")
                .register(to));
        meters.add(Gauge.builder(Name.IN_FLIGHT.meterName(), counter, AtomicInteger::get)
                .tag(HOST_TAG, host)
                .description("HTTP calls to the host in flight")
                .register(to));
    }

    static int stateCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN, FORCED_OPEN -> 2;
            case DISABLED, METRICS_ONLY -> 3;
        };
    }
}
