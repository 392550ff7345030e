package io.zerver.core.engine;

import io.zerver.core.effect.CustomEffect;
import io.zerver.core.effect.Effect;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Layer;
import io.zerver.core.http.Response;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Need;
import io.zerver.core.step.Step;
import io.zerver.core.step.UndeclaredSlotException;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * Drives one exchange through its pipeline: steps run synchronously one after another
 * until one needs effects; the effects run without blocking; the pipeline resumes with
 * the continuation or the next step. The request deadline bounds the whole run.
 */
final class PipelineExecutor {

    private static final System.Logger LOG = System.getLogger(PipelineExecutor.class.getName());

    private final EngineSettings settings;
    private final EffectJoiner joiner;
    private final Compensator compensator;
    private final CpuBudgets budgets;

    PipelineExecutor(EngineSettings settings, EffectRunner runner) {
        this.settings = settings;
        this.joiner = new EffectJoiner(runner);
        this.compensator = new Compensator(settings, runner);
        this.budgets = new CpuBudgets(settings);
    }

    /**
     * Runs {@code exchange} now, on this thread, up to its answer or its first wait, and returns
     * the response: a {@code Mono.just} (see {@link #now}) when the pipeline answered or failed
     * without waiting, so that the caller can take it without subscribing; else a {@code Mono}
     * that answers when the effects have. Errors are already rendered.
     */
    Mono<Response> start(Exchange exchange, Pipeline pipeline) {
        long remaining = exchange.clock().remainingNanos();
        if (remaining <= 0) {
            return fail(exchange, deadlineError());
        }
        // The deadline bounds the steps and effects; compensations run after it, on their own budget.
        Mono<Verdict> run;
        try {
            run = advance(exchange, pipeline, 0, null, Layer.MAIN);
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            run = Mono.just(Verdict.failed(errorOf(exchange, e)));
        }
        Verdict verdict = now(run);
        if (verdict != null) {
            // Answered (or failed) synchronously: done before any deadline could fire, and nothing
            // is left to cancel, so no timer and no operators.
            return verdict.error() == null ? Mono.just(verdict.response()) : fail(exchange, verdict.error());
        }
        if (!(run instanceof Fuseable.ScalarCallable)) {
            // Only a run still waiting for effects needs a timer.
            run = LazyTimeout.within(run, exchange.clock().remainingNanos(), settings.timer(), () -> {
                exchange.lifetime().abandon();
                return Verdict.failed(deadlineError());
            });
        }
        return run
                .onErrorResume(e -> Mono.just(Verdict.failed(errorOf(exchange, e))))
                .flatMap(v -> v.error() == null
                        ? Mono.just(v.response())
                        : fail(exchange, v.error()))
                .doOnCancel(() -> cancelled(exchange));
    }

    /**
     * The value of {@code mono} when it is a {@code Mono.just}: already there, taken without
     * subscribing. Null for anything else (an empty {@code Mono} too).
     */
    static <T> @Nullable T now(Mono<T> mono) {
        if (mono instanceof Fuseable.ScalarCallable<?> scalar) {
            try {
                @SuppressWarnings("unchecked")
                T value = (T) scalar.call();
                return value;
            } catch (Exception e) {
                return null; // Mono.error: the caller subscribes and handles it
            }
        }
        return null;
    }

    /**
     * Runs the next segment of the pipeline: on the caller's thread when the step
     * scheduler has room and nothing waits (or there is no scheduler), else as a queued job.
     */
    private Mono<Verdict> advance(Exchange exchange, Pipeline pipeline, int index, @Nullable Step continuation,
            Layer continuationLayer) {
        SloScheduler slo = settings.slo();
        if (slo == null) {
            return segment(exchange, pipeline, index, continuation, continuationLayer);
        }
        if (exchange.cpu().overBudget() && slo.config().overBudget() == OverBudget.REJECT) {
            return failed(ZerverError.of(ErrorKind.OVERLOADED, "request", "cpu_budget"));
        }
        boolean measured = budgets.active();
        if (!exchange.cpu().overBudget() && slo.tryRunNow()) {
            try {
                return measured
                        ? budgets.measure(exchange, () -> segment(exchange, pipeline, index, continuation,
                                continuationLayer))
                        : segment(exchange, pipeline, index, continuation, continuationLayer);
            } finally {
                slo.release();
            }
        }
        Supplier<Mono<Verdict>> segment = () -> budgets.measure(exchange,
                () -> segment(exchange, pipeline, index, continuation, continuationLayer));
        return StepJob.schedule(slo, exchange, segment, settings);
    }

    /**
     * Runs steps from {@code index}, starting with {@code continuation} when there is one,
     * until the pipeline answers, fails, or needs effects.
     */
    private Mono<Verdict> segment(Exchange exchange, Pipeline pipeline, int index, @Nullable Step continuation,
            Layer continuationLayer) {
        int next = index;
        Step resume = continuation;
        Layer resumeLayer = continuationLayer;
        while (true) {
            if (exchange.lifetime().abandoned()) {
                // The request was answered by its deadline or its client went away while
                // this thread was still busy: nothing more may run for it.
                return Mono.empty();
            }
            Step step;
            Layer layer;
            if (resume != null) {
                step = resume;
                layer = resumeLayer;
                resume = null;
            } else if (next < pipeline.size()) {
                step = pipeline.step(next);
                layer = pipeline.layer(next);
                next++;
            } else {
                exchange.log(LOG, System.Logger.Level.WARNING, () -> "pipeline '" + pipeline.name()
                        + "' ended without an answer: its last step must return Decision.done(...)", null);
                return failed(ZerverError.of(ErrorKind.INTERNAL, "pipeline", "no_response"));
            }
            if (exchange.clock().remainingNanos() <= 0) {
                return failed(deadlineError());
            }
            Decision decision = runStep(exchange, step, layer);
            if (decision instanceof Decision.Done done) {
                return Mono.just(Verdict.answered(settings.bodies().written(done.response())));
            }
            if (decision instanceof Decision.Fail f) {
                return failed(f.error());
            }
            if (decision instanceof Need need) {
                int needId = exchange.progress().nextNeed();
                ZerverError refused = refuse(exchange, step, need, needId);
                if (refused != null) {
                    return failed(refused);
                }
                CompletableFuture<JoinResult> joined = joiner.perform(exchange, need, needId).toFuture();
                if (joined.isDone() && !joined.isCompletedExceptionally() && !budgets.active()) {
                    // Every effect answered at once: settle here and go on in this loop, so
                    // that a long run of such needs costs no stack depth and no thread hop.
                    // (With a CPU budget, each resume is a new segment, measured on its own.)
                    ZerverError failure = settle(exchange, pipeline, need, joined.join(), next);
                    if (failure != null) {
                        return failed(failure);
                    }
                    resume = need.continuation();
                    resumeLayer = layer;
                    continue;
                }
                int after = next;
                return Mono.fromFuture(joined).flatMap(result -> {
                    ZerverError failure = settle(exchange, pipeline, need, result, after);
                    return failure != null
                            ? failed(failure)
                            : advance(exchange, pipeline, after, need.continuation(), layer);
                });
            }
            // Continue: on to the next step.
        }
    }

    /**
     * Writes what the need's effects produced to their slots and decides whether the
     * request fails. Returns the failure, or null to go on.
     */
    private @Nullable ZerverError settle(Exchange exchange, Pipeline pipeline, Need need, JoinResult result,
            int next) {
        int succeeded = 0;
        ZerverError firstError = null;
        for (EffectOutcome outcome : result.finished()) {
            ZerverError error = outcome.publicError();
            if (error != null) {
                if (firstError == null) {
                    firstError = error;
                }
                continue;
            }
            succeeded++;
            Slot<?> slot = outcome.effect().slot();
            Object value = outcome.value();
            if (slot != null && value != null) {
                exchange.slots().write(slot, value, "effect " + outcome.effect().kind());
            }
        }
        // The last error is this need's: an older one must not mislead its continuation.
        exchange.progress().lastError(firstError);
        ZerverError failure = result.failure();
        if (failure == null && need.join() == Join.ANY && need.continuation() == null) {
            // Without a continuation to decide, a required effect that finished first and
            // failed fails the request.
            EffectOutcome first = result.finished().get(0);
            if (first.failedRequired()) {
                failure = first.publicError();
            }
        }
        Step continuation = need.continuation();
        exchange.timeline().add(new TimelineEvent.Resumed(exchange.clock().elapsed(),
                continuation != null ? continuation.name() : next < pipeline.size() ? pipeline.step(next).name() : "",
                result.finished().size(), succeeded));
        return failure;
    }

    /** Checks a need against the step's declaration and the request limits. */
    private @Nullable ZerverError refuse(Exchange exchange, Step step, Need need, int needId) {
        RequestLimits limits = settings.limits();
        exchange.timeline().add(new TimelineEvent.NeedScheduled(exchange.clock().elapsed(), step.name(), need.mode(),
                need.join(), need.effects().size(), needId));
        Step continuation = need.continuation();
        if (continuation != null && !step.continuations().contains(continuation)) {
            exchange.log(LOG, System.Logger.Level.WARNING, () -> "step '" + step.name() + "' resumes with '"
                    + continuation.name() + "', which it does not declare in continuesWith(...)", null);
            return ZerverError.of(ErrorKind.INTERNAL, "step", step.name());
        }
        for (Effect effect : need.effects()) {
            if (effect instanceof CustomEffect<?> && !step.performs().contains(effect.getClass())) {
                exchange.log(LOG, System.Logger.Level.WARNING, () -> "step '" + step.name() + "' needs a "
                        + effect.getClass().getSimpleName() + " without declaring it: Step.named(\"" + step.name()
                        + "\").performs(" + effect.getClass().getSimpleName() + ".class)", null);
                return ZerverError.of(ErrorKind.INTERNAL, "step", step.name());
            }
            Slot<?> slot = effect.slot();
            if (slot != null && !step.mayWrite(slot)) {
                UndeclaredSlotException e = new UndeclaredSlotException(step.name(), "targets an effect at",
                        slot.name());
                exchange.log(LOG, System.Logger.Level.WARNING, e::getMessage, null);
                return ZerverError.of(ErrorKind.INTERNAL, "step", step.name());
            }
        }
        if (need.effects().size() > limits.maxEffectsPerNeed()) {
            return ZerverError.of(ErrorKind.OVERLOADED, "request", "effects_per_need");
        }
        if (exchange.progress().inFlight().get() + need.effects().size() > limits.maxInFlightPerRequest()) {
            return ZerverError.of(ErrorKind.OVERLOADED, "request", "in_flight");
        }
        return null;
    }

    private Decision runStep(Exchange exchange, Step step, Layer layer) {
        int sequence = exchange.progress().nextStep();
        long start = settings.now();
        exchange.timeline().add(new TimelineEvent.StepStarted(exchange.clock().elapsedAt(start), step.name(), layer,
                sequence));
        Decision decision;
        String outcome;
        try {
            decision = step.function().apply(exchange.viewFor(step));
            if (decision == null) {
                throw new IllegalStateException("step returned null instead of a Decision");
            }
            outcome = outcome(decision);
        } catch (ZerverException e) {
            decision = Decision.fail(e.error());
            outcome = "fail";
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            exchange.log(LOG, System.Logger.Level.WARNING, () -> "step '" + step.name() + "' of request "
                    + exchange.requestId() + " threw", e);
            exchange.timeline().add(new TimelineEvent.StepThrew(exchange.clock().elapsed(), step.name(),
                    e.getClass().getName(), e.getMessage()));
            decision = Decision.fail(ErrorKind.INTERNAL, "step", step.name());
            outcome = "error";
        }
        long end = settings.now();
        exchange.timeline().add(new TimelineEvent.StepEnded(exchange.clock().elapsedAt(end), step.name(), layer,
                sequence, outcome, end - start));
        return decision;
    }

    private static String outcome(Decision decision) {
        if (decision instanceof Need) {
            return "need";
        }
        if (decision instanceof Decision.Done) {
            return "done";
        }
        if (decision instanceof Decision.Fail) {
            return "fail";
        }
        return "continue";
    }

    /**
     * Fails the request: cancels background work, compensates, renders the error. The
     * answer waits for the compensations, but never past the deadline: then it goes out
     * and the compensations finish on their own budget.
     */
    private Mono<Response> fail(Exchange exchange, ZerverError error) {
        exchange.lifetime().cancelBackground();
        exchange.timeline().add(new TimelineEvent.Failed(exchange.clock().elapsed(), error));
        Mono<Void> compensations = compensator.compensate(exchange);
        if (compensations == null) {
            return Mono.just(render(settings, error, exchange.requestId()));
        }
        Mono<Response> render = Mono.fromSupplier(() -> render(settings, error, exchange.requestId()));
        Mono<Void> running = compensations.cache();
        running.subscribe();
        long remaining = exchange.clock().remainingNanos();
        if (remaining <= 0) {
            return render;
        }
        return running.timeout(Duration.ofNanos(remaining), settings.timer())
                .onErrorResume(TimeoutException.class, e -> Mono.empty())
                .then(render);
    }

    private static Mono<Verdict> failed(ZerverError error) {
        return Mono.just(Verdict.failed(error));
    }

    /** Renders with the application's renderer, falling back to the default if it fails. */
    static Response render(EngineSettings settings, ZerverError error, String requestId) {
        try {
            Response response = settings.errorRenderer().render(error, requestId);
            if (response != null) {
                return response;
            }
            LOG.log(System.Logger.Level.ERROR, "the error renderer returned null for " + error);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the error renderer failed for " + error, e);
        }
        return ErrorRenderer.json().render(error, requestId);
    }

    private void cancelled(Exchange exchange) {
        exchange.lifetime().abandon();
        exchange.lifetime().cancelBackground();
        Mono<Void> compensations = compensator.compensate(exchange);
        if (compensations != null) {
            compensations.subscribe();
        }
    }

    private ZerverError errorOf(Exchange exchange, Throwable e) {
        if (e instanceof TimeoutException) {
            return deadlineError();
        }
        if (e instanceof ZerverException z) {
            return z.error();
        }
        exchange.log(LOG, System.Logger.Level.ERROR, () -> "request " + exchange.requestId() + " failed unexpectedly",
                e);
        return ZerverError.of(ErrorKind.INTERNAL, "engine", "unexpected");
    }

    private static ZerverError deadlineError() {
        return ZerverError.of(ErrorKind.TIMEOUT, "request", "deadline");
    }
}
