package io.zerver.core.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-target in-flight counters: an attempt that would take a target (a database, an HTTP
 * host) over its cap fails at once with Overloaded instead of piling up.
 */
final class Bulkheads {

    private final BulkheadLimits limits;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    Bulkheads(BulkheadLimits limits) {
        this.limits = limits;
    }

    boolean tryAcquire(String target) {
        int cap = limits.limitFor(target);
        if (cap == Integer.MAX_VALUE) {
            return true;
        }
        AtomicInteger counter = inFlight.computeIfAbsent(target, t -> new AtomicInteger());
        while (true) {
            int n = counter.get();
            if (n >= cap) {
                return false;
            }
            if (counter.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release(String target) {
        if (limits.limitFor(target) == Integer.MAX_VALUE) {
            return;
        }
        AtomicInteger counter = inFlight.get(target);
        if (counter != null) {
            counter.decrementAndGet();
        }
    }

    Map<String, Integer> snapshot() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        inFlight.forEach((target, n) -> out.put(target, n.get()));
        return out;
    }
}
