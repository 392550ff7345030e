package io.zerver.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.zerver.core.flow.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The step, effect attempt and job timers of requests a tracer did not sample, recorded on
 * the {@link MeterRegistry} directly instead of through observations: an unsampled span is
 * thrown away, so its children would cost a full observation each (handlers, key values, a
 * no-op span) for nothing but the timer.
 *
 * <p>The timers are the ones Micrometer's {@code DefaultMeterObservationHandler} records for
 * the observations of sampled requests: the convention's name, its low-cardinality key
 * values after the application's {@link ObservationFilter}s, and {@code error} (the
 * exception's simple name, or {@code none}). An {@link ObservationPredicate} that declines
 * the name turns the timer off. Filters and predicates are asked once per distinct set of
 * key values, so they must decide on the name and the low-cardinality keys only.
 */
final class UnsampledTimers {

    /** The {@code error} tag of a failed step or attempt: observations get a {@link TimelineFailure}. */
    static final String FAILURE = TimelineFailure.class.getSimpleName();
    private static final String NONE = "none";

    private final MeterRegistry meters;
    private final List<ObservationPredicate> predicates;
    private final List<ObservationFilter> filters;
    private final Map<Key, Optional<Timer>> timers = new ConcurrentHashMap<>();
    private final Map<StepKey, Optional<Timer>> steps = new ConcurrentHashMap<>();

    UnsampledTimers(MeterRegistry meters, List<ObservationPredicate> predicates, List<ObservationFilter> filters) {
        this.meters = meters;
        this.predicates = List.copyOf(predicates);
        this.filters = List.copyOf(filters);
    }

    /** Records {@code nanos} on the timer of {@code context} as {@code convention} names and tags it. */
    <C extends Observation.Context> void record(ObservationConvention<C> convention, C context, boolean failed,
            long nanos) {
        record(resolve(convention, context, failed), nanos);
    }

    /**
     * Records {@code nanos} on the {@code zerver.steps} timer of a step the default convention
     * names and tags: found by the step's facts, with a {@link ZerverStepContext} made only
     * the first time (for the convention, the filters and the predicates, as {@link #record}).
     * Failed when it threw.
     */
    void recordStep(String step, Layer layer, @Nullable String outcome, @Nullable String exception, long nanos) {
        StepKey key = new StepKey(step, layer, outcome, exception);
        Optional<Timer> timer = steps.get(key);
        if (timer == null) {
            ZerverStepContext context = new ZerverStepContext(step, layer, 1);
            if (outcome != null) {
                context.outcome(outcome);
            }
            if (exception != null) {
                context.exception(exception);
            }
            timer = resolve(DefaultZerverStepObservationConvention.INSTANCE, context, exception != null);
            if (steps.size() < KeyValuesCache.MAX_ENTRIES) {
                steps.putIfAbsent(key, timer);
            }
        }
        record(timer, nanos);
    }

    private static void record(@Nullable Optional<Timer> timer, long nanos) {
        if (timer != null && timer.isPresent()) {
            timer.get().record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        }
    }

    /** The timer of {@code context}, empty when a predicate declines it; null when the convention names none. */
    private <C extends Observation.Context> @Nullable Optional<Timer> resolve(ObservationConvention<C> convention,
            C context, boolean failed) {
        String name = convention.getName();
        if (name == null) {
            return null;
        }
        KeyValues keys = convention.getLowCardinalityKeyValues(context);
        Key key = new Key(name, keys, failed);
        Optional<Timer> timer = timers.get(key);
        if (timer == null) {
            timer = timer(name, keys, failed, context);
            if (timers.size() < KeyValuesCache.MAX_ENTRIES) {
                timers.putIfAbsent(key, timer);
            }
        }
        return timer;
    }

    private Optional<Timer> timer(String name, KeyValues keys, boolean failed, Observation.Context context) {
        context.setName(name);
        context.addLowCardinalityKeyValues(keys);
        for (ObservationPredicate predicate : predicates) {
            if (!predicate.test(name, context)) {
                return Optional.empty();
            }
        }
        Observation.Context mapped = context;
        for (ObservationFilter filter : filters) {
            mapped = filter.map(mapped);
        }
        List<Tag> tags = new ArrayList<>();
        for (KeyValue value : mapped.getLowCardinalityKeyValues()) {
            tags.add(Tag.of(value.getKey(), value.getValue()));
        }
        tags.add(Tag.of("error", failed ? FAILURE : NONE));
        return Optional.of(meters.timer(name, tags));
    }

    /** Distinct timers held. */
    int size() {
        return timers.size();
    }

    private record Key(String name, KeyValues keys, boolean failed) {
    }

    /** What the default convention's step timer depends on; failed when {@code exception} is set. */
    private record StepKey(String step, Layer layer, @Nullable String outcome, @Nullable String exception) {
    }
}
