package io.zerver.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.zerver.core.error.ZerverError;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Mode;
import io.zerver.core.timeline.LogCorrelation;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.observation.ZerverObservationDocumentation.Events;
import io.zerver.observation.tracing.ChildSpans;
import io.zerver.observation.tracing.LogScopes;
import io.zerver.observation.tracing.TracerVerdict;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The observations of one request: the request itself, the step running now, the
 * promoted job running now, the effect attempts in flight. Fed one event at a time, in
 * order (the timeline's lock serializes them), so it needs no synchronization of its own.
 *
 * <p><b>Unsampled requests.</b> When the settings have {@link UnsampledTimers} and a tracer
 * declined the request (it did not sample the request observation, or the observation in
 * scope when the request began, WebFlux's server observation in embedded mode), the
 * children (steps, effect attempts, promoted jobs) are not observed: their timers are
 * recorded directly, timed by the timeline's own clock, and the request's events (waits,
 * skipped retries) are dropped with its span. When it was the parent in scope that was
 * declined, the request is not observed either, only timed: with the usual parent-based
 * sampling its span would be declined too.
 *
 * <p><b>Server roots.</b> When the observation in scope was offered as the request's root
 * ({@link ServerObservations#openScope}: WebFlux's server observation in embedded mode) and
 * the timers are there, the request is not an observation of its own: the server's is its
 * span (named and given the request's keys when the request finishes), the parent of its
 * children and the bearer of its events, and {@code zerver.requests} is recorded directly.
 *
 * <p><b>Spans made directly.</b> When the settings have {@link ChildSpans} (a tracer, and
 * the timers) and the tracer recorded the request's span, its children are spans made
 * directly through the tracer, under that span, and their timers are recorded directly: the
 * same spans and timers as observations would give, without every handler's work.
 *
 * <p>Holds no reference to its {@link Timeline}, which holds it ({@link Timeline#attach}): a
 * request's observations go when its timeline does.
 */
final class RequestObservations {

    private final ObservationSettings settings;
    private final long startEpochMillis;
    private final ZerverRequestContext context;
    /**
     * The request's observation, or the server's it was adopted into; null when only timed
     * (its parent in scope was not sampled).
     */
    private final @Nullable Observation request;
    /**
     * The observation whose scope the engine's log lines about the request are written in:
     * the request's, or the declined server observation of a request only timed.
     */
    private final @Nullable Observation logScope;
    /** Whether {@link #request} is the server's observation: then it is not stopped here. */
    private final boolean adopted;
    /** Set for an unsampled request: its children are timers only. */
    private final @Nullable UnsampledTimers timers;
    /** Set for a sampled request whose children are spans made directly (and timers). */
    private final ChildSpans.@Nullable Parent spans;
    private @Nullable RunningChild<ZerverStepContext> step;
    /** The step running, when steps are only timed with the default convention (no context per step). */
    private @Nullable TimedStep timedStep;
    private @Nullable RunningChild<ZerverJobContext> job;
    private final List<RunningChild<ZerverEffectContext>> attempts = new ArrayList<>(4);
    /** Mode and join of each need, by number - 1: a retry of a background effect may start after a later need. */
    private final List<TimelineEvent.NeedScheduled> needs = new ArrayList<>(2);
    private @Nullable Mode needMode;
    private @Nullable Join needJoin;
    private boolean anySucceeded;
    private boolean finished;

    private RequestObservations(ObservationSettings settings, long startEpochMillis, ZerverRequestContext context,
            @Nullable Observation request, @Nullable Observation logScope, @Nullable UnsampledTimers timers,
            boolean adopted, ChildSpans.@Nullable Parent spans) {
        this.settings = settings;
        this.startEpochMillis = startEpochMillis;
        this.context = context;
        this.request = request;
        this.logScope = logScope;
        this.timers = timers;
        this.adopted = adopted;
        this.spans = spans;
    }

    /**
     * Starts observing the request of {@code timeline}; null when the registry declines it
     * (a predicate said no), in which case nothing of it is observed.
     */
    static @Nullable RequestObservations start(ObservationSettings settings, Timeline timeline) {
        ZerverRequestContext context = new ZerverRequestContext(timeline.method(), timeline.path(),
                timeline.requestId(), timeline.route());
        UnsampledTimers timers = settings.unsampledTimers();
        if (timers != null) {
            Observation parent = settings.registry().getCurrentObservation();
            if (parent != null && TracerVerdict.declined(parent)) {
                return new RequestObservations(settings, timeline.startEpochMillis(), context, null, parent, timers,
                        false, null);
            }
            if (parent != null && ServerObservations.offered(parent)) {
                boolean untraced = settings.untraced();
                return new RequestObservations(settings, timeline.startEpochMillis(), context, parent, parent,
                        untraced ? timers : null, true, untraced ? null : spansOf(settings, parent));
            }
        }
        Observation request = Observation.createNotStarted(settings.request(),
                DefaultZerverRequestObservationConvention.INSTANCE, () -> context, settings.registry());
        if (request.isNoop()) {
            return null;
        }
        request.start();
        boolean timed = timers != null && (settings.untraced() || TracerVerdict.declined(request));
        return new RequestObservations(settings, timeline.startEpochMillis(), context, request, request,
                timed ? timers : null, false, timed || timers == null ? null : spansOf(settings, request));
    }

    /** The span of {@code request} as the parent of children made directly, or null. */
    private static ChildSpans.@Nullable Parent spansOf(ObservationSettings settings, Observation request) {
        ChildSpans spans = settings.childSpans();
        return spans == null ? null : spans.of(request);
    }

    /**
     * What the engine's log lines about the request are written through, whatever thread they
     * are on: with its span in the tracer's scope, so that they carry its trace and span ids,
     * for lines written after the request left the server's thread too. Null when there is no
     * tracer or no span.
     */
    @Nullable LogCorrelation logCorrelation() {
        Observation scoped = logScope;
        LogScopes scopes = settings.logScopes();
        if (scoped == null || scopes == null) {
            return null;
        }
        LogCorrelation correlation = scopes.of(scoped);
        return correlation == LogCorrelation.NONE ? null : correlation;
    }

    /** Records {@code event}, which happened to the request of {@code timeline}. */
    void on(Timeline timeline, TimelineEvent event) {
        if (event instanceof TimelineEvent.StepStarted e) {
            stepStarted(e);
        } else if (event instanceof TimelineEvent.StepThrew e) {
            stepThrew(e);
        } else if (event instanceof TimelineEvent.StepEnded e) {
            stepEnded(e);
        } else if (event instanceof TimelineEvent.NeedScheduled e) {
            // A promoted job spans its steps up to the first need: what follows is effects.
            closeJob(e.at());
            needMode = e.mode();
            needJoin = e.join();
            if (e.need() == needs.size() + 1) {
                needs.add(e);
            }
        } else if (event instanceof TimelineEvent.JobEnded e) {
            // A job that answered or failed without a need ends here.
            closeJob(e.at());
        } else if (event instanceof TimelineEvent.EffectStarted e) {
            effectStarted(e);
        } else if (event instanceof TimelineEvent.EffectEnded e) {
            effectEnded(e);
        } else if (event instanceof TimelineEvent.QueueWait e) {
            waited(e.at(), e.job(), e.waitNanos(), false);
        } else if (event instanceof TimelineEvent.ParkWait e) {
            waited(e.at(), e.job(), e.waitNanos(), true);
        } else if (event instanceof TimelineEvent.RetrySkipped e) {
            if (recordsEvents()) {
                requestEvent(Events.RETRY_SKIPPED, e.at(),
                        "attempt " + e.attempt() + " of " + e.kind() + " not made: " + e.reason());
            }
        } else if (event instanceof TimelineEvent.BudgetExceeded e) {
            if (recordsEvents()) {
                requestEvent(Events.BUDGET_EXCEEDED, e.at(),
                        "cpu budget of " + e.scope() + " exceeded: " + e.action());
            }
        } else if (event instanceof TimelineEvent.Failed e) {
            context.error(e.error());
            closeJob(e.at());
        } else if (event instanceof TimelineEvent.Finished e) {
            finish(timeline, e.at(), e.status());
        }
        // Resumed, CompensationRan, BudgetRegistered and Debug add nothing to the observations:
        // a compensation is observed through its own effect attempts.
    }

    /**
     * Whether events may still come once the request was answered: effect attempts in
     * flight (background effects), or compensations, which undo effects that succeeded in a
     * request that then failed or was cancelled.
     */
    boolean mayHaveLateEvents() {
        return !attempts.isEmpty() || (anySucceeded && (context.error() != null || context.status() == 499));
    }

    /** Whether events go on the request: not when its span was not sampled (they would be dropped with it). */
    private boolean recordsEvents() {
        return timers == null;
    }

    private void stepStarted(TimelineEvent.StepStarted e) {
        closeStep(e.at()); // never left open: a step always ends before the next starts
        if (timers != null && spans == null && settings.step() == null) {
            timedStep = new TimedStep(e);
            return;
        }
        step = start(settings.step(), DefaultZerverStepObservationConvention.INSTANCE,
                new ZerverStepContext(e.step(), e.layer(), e.sequence()), job, e.at(), false);
    }

    private void stepThrew(TimelineEvent.StepThrew e) {
        TimedStep timed = timedStep;
        if (timed != null && timed.step().equals(e.step())) {
            timed.threw(e.exception());
        }
        RunningChild<ZerverStepContext> running = step;
        if (running != null && running.context().step().equals(e.step())) {
            running.context().exception(e.exception());
            String message = e.message();
            running.fail(new TimelineFailure(message == null ? e.exception() : e.exception() + ": " + message));
        }
    }

    private void stepEnded(TimelineEvent.StepEnded e) {
        TimedStep timed = timedStep;
        if (timed != null && timed.sequence() == e.sequence()) {
            timed.outcome(e.outcome());
            closeStep(e.at());
        }
        RunningChild<ZerverStepContext> running = step;
        if (running != null && running.context().sequence() == e.sequence()) {
            running.context().outcome(e.outcome());
            closeStep(e.at());
        }
    }

    /** Ends the step running, if any, at {@code at} (nanoseconds since the request began). */
    private void closeStep(long at) {
        TimedStep timed = timedStep;
        if (timed != null && timers != null) {
            timedStep = null;
            timed.endAt(at, timers);
        }
        RunningChild<ZerverStepContext> running = step;
        if (running != null) {
            step = null;
            running.endAt(at);
        }
    }

    private void effectStarted(TimelineEvent.EffectStarted e) {
        boolean compensation = e.index() < 0;
        // The timeline gives mode and join on the need, not on its effects: the need the
        // effect names, else the last one scheduled (a compensation belongs to none).
        Mode mode = needMode;
        Join join = needJoin;
        if (e.need() > 0 && e.need() <= needs.size()) {
            TimelineEvent.NeedScheduled need = needs.get(e.need() - 1);
            mode = need.mode();
            join = need.join();
        }
        ZerverEffectContext started = new ZerverEffectContext(e.index(), e.kind(), e.target(), e.slot(),
                e.required(), e.attempt(), compensation ? null : mode, compensation ? null : join)
                .started(e.need(), e.timeoutNanos(), e.detail());
        attempts.add(start(settings.effect(), DefaultZerverEffectObservationConvention.INSTANCE, started, null,
                e.at(), true));
    }

    private void effectEnded(TimelineEvent.EffectEnded e) {
        for (int i = 0; i < attempts.size(); i++) {
            RunningChild<ZerverEffectContext> attempt = attempts.get(i);
            ZerverEffectContext ended = attempt.context();
            if (ended.isOf(e.need(), e.index(), e.attempt(), e.kind(), e.target())) {
                attempts.remove(i);
                ended.ended(e.outcome(), e.reason(), e.bytes(), e.background());
                anySucceeded |= ended.succeeded();
                if (!ended.succeeded() && !"cancelled".equals(e.outcome())) {
                    String reason = e.reason();
                    attempt.fail(new TimelineFailure(e.kind() + " (" + e.target() + ") failed: " + e.outcome()
                            + (reason == null ? "" : " " + reason)));
                }
                attempt.end(e.durationNanos());
                return;
            }
        }
    }

    private void waited(long at, String jobName, long waitNanos, boolean parked) {
        closeJob(at);
        if (recordsEvents()) {
            String millis = DefaultZerverJobObservationConvention.millis(waitNanos);
            requestEvent(parked ? Events.PARK_WAIT : Events.QUEUE_WAIT, at,
                    jobName + " job waited " + millis + " ms " + (parked ? "parked" : "in the queue"));
        }
        long threshold = parked ? settings.promoteParkWaitNanos() : settings.promoteQueueWaitNanos();
        if (!finished && waitNanos > threshold) {
            job = start(settings.job(), DefaultZerverJobObservationConvention.INSTANCE, new ZerverJobContext(jobName,
                    parked ? ZerverJobContext.Wait.PARK : ZerverJobContext.Wait.QUEUE, waitNanos), null, at, false);
        }
    }

    /** Ends the promoted job running, if any, at {@code at} (nanoseconds since the request began). */
    private void closeJob(long at) {
        RunningChild<ZerverJobContext> running = job;
        if (running != null) {
            job = null;
            running.endAt(at);
        }
    }

    /**
     * Starts a child of the request, or of {@code under} (a promoted job) when there is one:
     * a span made directly and a timer when the request's children are ({@link #spans}), a
     * timer only when the request is unsampled, else an observation. A client span when
     * {@code client}.
     */
    private <C extends Observation.Context> RunningChild<C> start(@Nullable ObservationConvention<C> custom,
            ObservationConvention<C> defaults, C started, @Nullable RunningChild<?> under, long at, boolean client) {
        ObservationConvention<C> convention = custom != null ? custom : defaults;
        ChildSpans.Parent direct = spans;
        if (direct != null) {
            ChildSpans.Child job = under == null ? null : under.span();
            ChildSpans.Parent parent = job != null ? job : direct;
            return RunningChild.direct(started, at, convention, parent.child(convention, started, client),
                    settings.unsampledTimers());
        }
        if (timers != null) {
            return RunningChild.direct(started, at, convention, null, timers);
        }
        Observation job = under == null ? null : under.observation();
        Observation parent = job != null ? job : observed();
        return RunningChild.observed(started, at,
                RunningChild.observe(custom, defaults, started, parent, settings.registry()), convention);
    }

    /** The request's observation, when its children are observed: it is then never null. */
    private Observation observed() {
        Observation observed = request;
        if (observed == null) {
            throw new IllegalStateException("request " + context.requestId() + " is only timed");
        }
        return observed;
    }

    /** An event on the request, unless it already stopped: a stopped observation takes no events. */
    private void requestEvent(Events event, long at, String description) {
        if (!finished) {
            observed().event(event.at(startEpochMillis + at / 1_000_000, description));
        }
    }

    private void finish(Timeline timeline, long at, int status) {
        if (finished) {
            return;
        }
        finished = true;
        closeJob(at);
        closeStep(at);
        context.route(timeline.route());
        context.status(status);
        ZerverError error = context.error();
        boolean failed = error != null && status >= 500;
        Observation observed = request;
        UnsampledTimers direct = timers;
        if (adopted && observed != null) {
            ServerObservations.finish(settings, observed, context, failed, at);
        } else if (observed != null) {
            if (failed) {
                observed.error(new TimelineFailure(error.toString()));
            }
            observed.stop();
        } else if (direct != null) {
            ZerverRequestObservationConvention custom = settings.request();
            direct.record(custom != null ? custom : DefaultZerverRequestObservationConvention.INSTANCE, context,
                    failed, at);
        }
    }

}
