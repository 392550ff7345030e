package io.zerver.core.engine;

import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.TimelineObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/** The engine's configuration as its parts see it. */
record EngineSettings(EffectHandlers handlers, ErrorRenderer errorRenderer, RequestLimits limits,
        Duration defaultTimeout, Duration compensationTimeout, TimelineObserver observer, LongSupplier ticker,
        Scheduler timer, Clock clock, Supplier<RandomGenerator> random, @Nullable SloScheduler slo, Bulkheads bulkheads,
        Bodies bodies) {

    long now() {
        return ticker.getAsLong();
    }
}
