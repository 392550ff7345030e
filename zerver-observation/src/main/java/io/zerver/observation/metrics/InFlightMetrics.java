package io.zerver.observation.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Effects in flight per target ({@code db}, an HTTP host, a compute task) as the gauge
 * {@code zerver.effects.in.flight}, tagged {@code target}. It watches timelines, so
 * register it as an engine observer. Targets are few by design (hosts, not URLs).
 */
public final class InFlightMetrics implements TimelineObserver {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public InFlightMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public void onEvent(Timeline timeline, TimelineEvent event) {
        // The engine records exactly one EffectEnded after each EffectStarted.
        if (event instanceof TimelineEvent.EffectStarted started) {
            counter(started.target()).incrementAndGet();
        } else if (event instanceof TimelineEvent.EffectEnded ended) {
            counter(ended.target()).decrementAndGet();
        }
    }

    /** The effects in flight now at {@code target}. */
    public int inFlight(String target) {
        AtomicInteger n = inFlight.get(target);
        return n == null ? 0 : n.get();
    }

    private AtomicInteger counter(String target) {
        return inFlight.computeIfAbsent(target, t -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("zerver.effects.in.flight", n, AtomicInteger::get).tag("target", t)
                    .description("Effects in flight per target").register(registry);
            return n;
        });
    }
}
