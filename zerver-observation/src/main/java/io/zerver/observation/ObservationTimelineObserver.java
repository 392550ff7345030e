package io.zerver.observation;

import io.zerver.core.config.InvalidValueException;
import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.zerver.core.timeline.LogCorrelation;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import io.zerver.observation.tracing.ChildSpans;
import io.zerver.observation.tracing.TracerSpans;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Turns request timelines into Micrometer observations (docs/observability.md): a request observation
 * named {@code METHOD /route-pattern}, with children for each step
 * ({@code zerver.step.<name>}) and each effect attempt ({@code zerver.effect.<kind>}).
 * With a {@code MeterObservationHandler} on the registry these are also the
 * {@code zerver.requests}, {@code zerver.steps} and {@code zerver.effects} timers; see
 * {@link ZerverObservationDocumentation} for every name and key.
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *         .routes(routes)
 *         .observer(ObservationTimelineObserver.builder(observationRegistry).build())
 *         .build();
 * }</pre>
 *
 * <p><b>Event-first jobs.</b> A queue or park wait is an event on the request. Only a job
 * that waited longer than its threshold ({@link Builder#promoteQueueWait},
 * {@link Builder#promoteParkWait}, 5 ms by default) becomes an observation of its own,
 * {@code zerver.job.step}, child of the request and parent of the steps it runs. An
 * observation cannot start in the past, so it begins when the job leaves the queue, carries
 * the wait as {@code zerver.job.wait_ms}, and ends at the job's first need (or the answer).
 *
 * <p><b>Work after the answer.</b> Background effects and late compensations go on after
 * the request observation stopped. Their attempts are still observed, as children of the
 * request: a child may outlive its parent, so nothing is orphaned. Events that would
 * belong on the stopped request itself (waits, skipped retries) are dropped. The observations
 * of a request are kept with its timeline ({@link Timeline#attach}): a finished request that
 * may see such work keeps them until its timeline is unreachable; any other drops them when
 * answered.
 *
 * <p><b>Unsampled requests.</b> Given a {@link MeterRegistry}
 * ({@link Builder#meterRegistry(MeterRegistry, List, List)}), a request whose observation a
 * tracer handled without sampling it (its span is a no-op) gets no child observations: its
 * step, effect and job timers are recorded on the registry directly, with the names and
 * tags the observations would have given them, and its events are dropped with its span.
 * The request observation itself is kept (its timer, and the parent of the trace), unless
 * the observation in scope when the request began (WebFlux's server observation, in
 * embedded mode) was itself declined: then the request is only timed too. Without a meter
 * registry, or without a tracer, everything is an observation.
 *
 * <p><b>Sampled requests.</b> Given a meter registry and a {@link Tracer}
 * ({@link Builder#tracer(Tracer)}), the children of a request the tracer sampled are spans
 * made directly through it, children of the request's span, with the names, kinds and
 * attributes the tracing handler would give their observations, and their timers are
 * recorded directly as for an unsampled request: the same spans and timers, without a trip
 * through every handler (and without the {@code .active} long-task timers of children).
 *
 * <p><b>Cost.</b> With {@link ObservationRegistry#NOOP} every method returns at once; with a
 * registry that {@linkplain ObservationRegistry#isNoop() is a no-op} (no handlers) or whose
 * predicate declines a request, that request costs one look-up on its timeline per event.
 */
public final class ObservationTimelineObserver implements TimelineObserver {

    private final ObservationSettings settings;
    private final boolean disabled;
    /** Requests observed and not answered yet; their observations are kept with their timelines. */
    private final LongAdder running = new LongAdder();
    /** Answered requests that may see late work, only to count them: they are kept with their timelines. */
    private final Map<Timeline, Boolean> answered = Collections.synchronizedMap(new WeakHashMap<>());

    private ObservationTimelineObserver(ObservationSettings settings) {
        this.settings = settings;
        this.disabled = settings.registry() == ObservationRegistry.NOOP;
    }

    /** An observer reporting to {@code registry}, with the default conventions and thresholds. */
    public static ObservationTimelineObserver create(ObservationRegistry registry) {
        return builder(registry).build();
    }

    public static Builder builder(ObservationRegistry registry) {
        return new Builder(requireNonNull(registry, "registry"));
    }

    @Override
    public void onStart(Timeline timeline) {
        if (disabled || settings.registry().isNoop()) {
            return;
        }
        RequestObservations request = RequestObservations.start(settings, timeline);
        if (request != null) {
            timeline.attach(this, request);
            running.increment();
            LogCorrelation correlation = request.logCorrelation();
            if (correlation != null) {
                timeline.correlateLogs(correlation);
            }
        }
    }

    @Override
    public void onEvent(Timeline timeline, TimelineEvent event) {
        if (disabled) {
            return;
        }
        Object attached = timeline.attachment(this);
        if (attached instanceof Late late) {
            late.request().on(timeline, event);
            return;
        }
        if (!(attached instanceof RequestObservations request)) {
            return;
        }
        try {
            request.on(timeline, event);
        } finally {
            if (event instanceof TimelineEvent.Finished) {
                running.decrement();
                if (request.mayHaveLateEvents()) {
                    timeline.attach(this, new Late(request));
                    answered.put(timeline, Boolean.TRUE);
                } else {
                    timeline.attach(this, null);
                }
            }
        }
    }

    /** The queue wait above which a job gets its own observation. */
    public Duration promoteQueueWait() {
        return Duration.ofNanos(settings.promoteQueueWaitNanos());
    }

    /** The park wait above which a job gets its own observation. */
    public Duration promoteParkWait() {
        return Duration.ofNanos(settings.promoteParkWaitNanos());
    }

    /** Whether the children of every request are timers only (no tracer in the application). */
    public boolean timesEveryChild() {
        return settings.unsampledTimers() != null && settings.untraced();
    }

    /** Whether the children of unsampled requests are timers only. */
    public boolean timesUnsampledChildren() {
        return settings.unsampledTimers() != null;
    }

    /** Requests observed and not answered yet. */
    int running() {
        return running.intValue();
    }

    /** Answered requests kept for the work that may outlive them, until their timelines are unreachable. */
    int lingering() {
        return answered.size();
    }

    /** The observations of an answered request that may still see work (background effects, compensations). */
    private record Late(RequestObservations request) {
    }

    /** Configures an {@link ObservationTimelineObserver}. Only the registry is required. */
    public static final class Builder {

        private static final Duration DEFAULT_PROMOTE = Duration.ofMillis(5);

        private final ObservationRegistry registry;
        private @Nullable ZerverRequestObservationConvention requestConvention;
        private @Nullable ZerverStepObservationConvention stepConvention;
        private @Nullable ZerverEffectObservationConvention effectConvention;
        private @Nullable ZerverJobObservationConvention jobConvention;
        private Duration promoteQueueWait = DEFAULT_PROMOTE;
        private Duration promoteParkWait = DEFAULT_PROMOTE;
        private @Nullable UnsampledTimers unsampledTimers;
        private List<ObservationPredicate> predicates = List.of();
        private List<ObservationFilter> filters = List.of();
        private boolean untraced;
        private @Nullable Tracer tracer;

        private Builder(ObservationRegistry registry) {
            this.registry = registry;
        }

        /** The queue wait above which a job gets its own observation. Default 5 ms. */
        public Builder promoteQueueWait(Duration threshold) {
            this.promoteQueueWait = notNegative("promoteQueueWait", threshold);
            return this;
        }

        /** The park wait above which a job gets its own observation. Default 5 ms. */
        public Builder promoteParkWait(Duration threshold) {
            this.promoteParkWait = notNegative("promoteParkWait", threshold);
            return this;
        }

        /**
         * The convention of request observations; without one, the registry's global
         * convention or {@link DefaultZerverRequestObservationConvention}.
         */
        public Builder requestConvention(@Nullable ZerverRequestObservationConvention convention) {
            this.requestConvention = convention;
            return this;
        }

        /** The convention of step observations, as for {@link #requestConvention}. */
        public Builder stepConvention(@Nullable ZerverStepObservationConvention convention) {
            this.stepConvention = convention;
            return this;
        }

        /** The convention of effect attempt observations, as for {@link #requestConvention}. */
        public Builder effectConvention(@Nullable ZerverEffectObservationConvention convention) {
            this.effectConvention = convention;
            return this;
        }

        /** The convention of promoted job observations, as for {@link #requestConvention}. */
        public Builder jobConvention(@Nullable ZerverJobObservationConvention convention) {
            this.jobConvention = convention;
            return this;
        }

        /**
         * Records the step, effect and job timers of requests a tracer did not sample on
         * {@code meters} directly, instead of observing those children: the timers
         * Micrometer's meter handler would record, after {@code filters}, unless one of
         * {@code predicates} declines their name (both as registered on the observation
         * registry; they are asked once per distinct set of tags). Without it (the default),
         * every child of every request is an observation.
         */
        public Builder meterRegistry(MeterRegistry meters, List<? extends ObservationPredicate> predicates,
                List<? extends ObservationFilter> filters) {
            this.predicates = List.copyOf(requireNonNull(predicates, "predicates"));
            this.filters = List.copyOf(requireNonNull(filters, "filters"));
            this.unsampledTimers = new UnsampledTimers(requireNonNull(meters, "meters"), this.predicates,
                    this.filters);
            return this;
        }

        /**
         * The application's tracer: with {@link #meterRegistry}, the steps, effect attempts
         * and promoted jobs of a request it sampled are spans made directly through it
         * (child of the request's span; named, kinded and tagged as the tracing handler
         * would make them of observations, after the filters; declined by the predicates as
         * observations would be), and their timers are recorded directly. Without it (the
         * default), those children are observations, seen by every handler. With it, the
         * engine's log lines about a request carry its trace ids on every thread (see
         * {@link io.zerver.core.timeline.Timeline#log}), not only while its first steps run in
         * the server's scope.
         */
        public Builder tracer(@Nullable Tracer tracer) {
            this.tracer = tracer;
            return this;
        }

        /**
         * Says that the application has no tracer: with {@link #meterRegistry}, the children of
         * every request are then timers, as for an unsampled request (an observation per step
         * would only make the same timers, at several times the cost). Requests are still
         * observations. Default false.
         */
        public Builder untraced(boolean untraced) {
            this.untraced = untraced;
            return this;
        }

        public ObservationTimelineObserver build() {
            return new ObservationTimelineObserver(new ObservationSettings(registry, requestConvention,
                    stepConvention, effectConvention, jobConvention, nanos(promoteQueueWait),
                    nanos(promoteParkWait), unsampledTimers, untraced, childSpans(),
                    tracer == null ? null : TracerSpans.logScopes(tracer)));
        }

        private @Nullable ChildSpans childSpans() {
            Tracer sampling = tracer;
            return sampling == null || unsampledTimers == null || untraced ? null
                    : TracerSpans.childSpans(sampling, predicates, filters);
        }

        private static Duration notNegative(String name, Duration d) {
            requireNonNull(d, name);
            if (d.isNegative()) {
                throw new InvalidValueException(name, d, ">= 0");
            }
            return d;
        }

        private static long nanos(Duration d) {
            try {
                return d.toNanos();
            } catch (ArithmeticException tooLong) {
                return Long.MAX_VALUE;
            }
        }
    }
}
