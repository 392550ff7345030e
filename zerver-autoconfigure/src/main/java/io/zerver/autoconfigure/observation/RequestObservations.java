package io.zerver.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.zerver.autoconfigure.observation.ZerverObservationDocumentation.Events;
import io.zerver.core.error.ZerverError;
import io.zerver.core.step.Join;
import io.zerver.core.step.Mode;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The observations of one request: the request itself, the step running now, the
 * promoted job running now, the effect attempts in flight. Fed one event at a time, in
 * order (the timeline's lock serializes them), so it needs no synchronization of its own.
 *
 * <p>Holds no reference to its {@link Timeline}: the observer keeps finished requests in a
 * weak map keyed by it.
 */
final class RequestObservations {

    private final ObservationSettings settings;
    private final long startEpochMillis;
    private final ZerverRequestContext context;
    private final Observation request;
    private @Nullable Observation step;
    private @Nullable ZerverStepContext stepContext;
    private @Nullable Observation job;
    private final List<Attempt> attempts = new ArrayList<>(4);
    /** Mode and join of each need, by number - 1: a retry of a background effect may start after a later need. */
    private final List<TimelineEvent.NeedScheduled> needs = new ArrayList<>(2);
    private @Nullable Mode needMode;
    private @Nullable Join needJoin;
    private boolean anySucceeded;
    private boolean finished;

    private RequestObservations(ObservationSettings settings, long startEpochMillis, ZerverRequestContext context,
            Observation request) {
        this.settings = settings;
        this.startEpochMillis = startEpochMillis;
        this.context = context;
        this.request = request;
    }

    /**
     * Starts observing the request of {@code timeline}; null when the registry declines it
     * (a predicate said no), in which case nothing of it is observed.
     */
    static @Nullable RequestObservations start(ObservationSettings settings, Timeline timeline) {
        ZerverRequestContext context = new ZerverRequestContext(timeline.method(), timeline.path(),
                timeline.requestId(), timeline.route());
        Observation request = Observation.createNotStarted(settings.request(),
                DefaultZerverRequestObservationConvention.INSTANCE, () -> context, settings.registry());
        if (request.isNoop()) {
            return null;
        }
        request.start();
        return new RequestObservations(settings, timeline.startEpochMillis(), context, request);
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
            closeJob();
            needMode = e.mode();
            needJoin = e.join();
            if (e.need() == needs.size() + 1) {
                needs.add(e);
            }
        } else if (event instanceof TimelineEvent.JobEnded) {
            // A job that answered or failed without a need ends here.
            closeJob();
        } else if (event instanceof TimelineEvent.EffectStarted e) {
            effectStarted(e);
        } else if (event instanceof TimelineEvent.EffectEnded e) {
            effectEnded(e);
        } else if (event instanceof TimelineEvent.QueueWait e) {
            waited(e.at(), e.job(), e.waitNanos(), false);
        } else if (event instanceof TimelineEvent.ParkWait e) {
            waited(e.at(), e.job(), e.waitNanos(), true);
        } else if (event instanceof TimelineEvent.RetrySkipped e) {
            requestEvent(Events.RETRY_SKIPPED, e.at(),
                    "attempt " + e.attempt() + " of " + e.kind() + " not made: " + e.reason());
        } else if (event instanceof TimelineEvent.BudgetExceeded e) {
            requestEvent(Events.BUDGET_EXCEEDED, e.at(), "cpu budget of " + e.scope() + " exceeded: " + e.action());
        } else if (event instanceof TimelineEvent.Failed e) {
            context.error(e.error());
            closeJob();
        } else if (event instanceof TimelineEvent.Finished e) {
            finish(timeline, e.status());
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

    private void stepStarted(TimelineEvent.StepStarted e) {
        closeStep(); // never left open: a step always ends before the next starts
        ZerverStepContext started = new ZerverStepContext(e.step(), e.layer(), e.sequence());
        Observation parent = job != null ? job : request;
        step = child(settings.step(), DefaultZerverStepObservationConvention.INSTANCE, started, parent);
        stepContext = started;
    }

    private void stepThrew(TimelineEvent.StepThrew e) {
        Observation running = step;
        ZerverStepContext runningContext = stepContext;
        if (running != null && runningContext != null && runningContext.step().equals(e.step())) {
            runningContext.exception(e.exception());
            String message = e.message();
            running.error(new TimelineFailure(message == null ? e.exception() : e.exception() + ": " + message));
        }
    }

    private void stepEnded(TimelineEvent.StepEnded e) {
        ZerverStepContext running = stepContext;
        if (running != null && running.sequence() == e.sequence()) {
            running.outcome(e.outcome());
            closeStep();
        }
    }

    private void closeStep() {
        Observation running = step;
        if (running != null) {
            step = null;
            stepContext = null;
            running.stop();
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
        Observation observation = child(settings.effect(), DefaultZerverEffectObservationConvention.INSTANCE,
                started, request);
        attempts.add(new Attempt(started, observation));
    }

    private void effectEnded(TimelineEvent.EffectEnded e) {
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            if (attempt.context().isOf(e.need(), e.index(), e.attempt(), e.kind(), e.target())) {
                attempts.remove(i);
                attempt.context().ended(e.outcome(), e.reason(), e.bytes(), e.background());
                anySucceeded |= attempt.context().succeeded();
                if (!attempt.context().succeeded() && !"cancelled".equals(e.outcome())) {
                    String reason = e.reason();
                    attempt.observation().error(new TimelineFailure(e.kind() + " (" + e.target() + ") failed: "
                            + e.outcome() + (reason == null ? "" : " " + reason)));
                }
                attempt.observation().stop();
                return;
            }
        }
    }

    private void waited(long at, String jobName, long waitNanos, boolean parked) {
        closeJob();
        String millis = DefaultZerverJobObservationConvention.millis(waitNanos);
        requestEvent(parked ? Events.PARK_WAIT : Events.QUEUE_WAIT, at,
                jobName + " job waited " + millis + " ms " + (parked ? "parked" : "in the queue"));
        long threshold = parked ? settings.promoteParkWaitNanos() : settings.promoteQueueWaitNanos();
        if (!finished && waitNanos > threshold) {
            ZerverJobContext promoted = new ZerverJobContext(jobName,
                    parked ? ZerverJobContext.Wait.PARK : ZerverJobContext.Wait.QUEUE, waitNanos);
            job = child(settings.job(), DefaultZerverJobObservationConvention.INSTANCE, promoted, request);
        }
    }

    private void closeJob() {
        Observation running = job;
        if (running != null) {
            job = null;
            running.stop();
        }
    }

    /** An event on the request, unless it already stopped: a stopped observation takes no events. */
    private void requestEvent(Events event, long at, String description) {
        if (!finished) {
            request.event(event.at(startEpochMillis + at / 1_000_000, description));
        }
    }

    private void finish(Timeline timeline, int status) {
        if (finished) {
            return;
        }
        finished = true;
        closeJob();
        closeStep();
        context.route(timeline.route());
        context.status(status);
        ZerverError error = context.error();
        if (error != null && status >= 500) {
            request.error(new TimelineFailure(error.toString()));
        }
        request.stop();
    }

    /**
     * A started child of {@code parent}. After the request stopped (background effects,
     * late compensations) the parent is still the request: a child may outlive its parent,
     * and its trace stays whole.
     */
    private <C extends Observation.Context> Observation child(@Nullable ObservationConvention<C> custom,
            ObservationConvention<C> defaults, C childContext, Observation parent) {
        Observation child = Observation.createNotStarted(custom, defaults, () -> childContext, settings.registry())
                .parentObservation(parent);
        Observation current = settings.registry().getCurrentObservation();
        if (current == null || current == parent) {
            return child.start();
        }
        // Tracers prefer the span in scope on this thread (the server's, when WebFlux started
        // the request in its scope) to the parent given: put the parent in scope for the start.
        try (Observation.Scope scope = parent.openScope()) {
            return child.start();
        }
    }

    private record Attempt(ZerverEffectContext context, Observation observation) {
    }
}
