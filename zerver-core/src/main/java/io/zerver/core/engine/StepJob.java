package io.zerver.core.engine;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.schedule.Job;
import io.zerver.core.schedule.Priority;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.TimelineEvent;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/** A pipeline segment waiting in the SLO scheduler's queue for its turn. */
final class StepJob implements Job {

    private final Exchange exchange;
    private final MonoSink<Verdict> sink;
    private final Supplier<Mono<Verdict>> segment;
    private final EngineSettings settings;
    private final boolean parked;
    private final long deadlineNanos;
    private volatile boolean cancelled;
    private volatile Disposable running = () -> { };

    private StepJob(Exchange exchange, MonoSink<Verdict> sink, Supplier<Mono<Verdict>> segment,
            EngineSettings settings, SloScheduler slo) {
        this.exchange = exchange;
        // The deadline on the scheduler's own clock, which need not be the engine's.
        this.deadlineNanos = slo.now() + exchange.clock().remainingNanos();
        this.sink = sink;
        this.segment = segment;
        this.settings = settings;
        this.parked = exchange.cpu().overBudget();
    }

    static Mono<Verdict> schedule(SloScheduler slo, Exchange exchange, Supplier<Mono<Verdict>> segment,
            EngineSettings settings) {
        return Mono.create(sink -> {
            StepJob job = new StepJob(exchange, sink, segment, settings, slo);
            sink.onCancel(job::cancel);
            slo.submit(job);
        });
    }

    @Override
    public Priority priority() {
        // A request over its CPU budget yields: its jobs queue as batch work.
        return parked ? Priority.BATCH : exchange.facts().priority();
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void run(long queuedNanos) {
        if (cancelled) {
            return;
        }
        long at = exchange.clock().elapsed();
        String job = "step";
        exchange.timeline().add(parked ? new TimelineEvent.ParkWait(at, job, queuedNanos)
                : new TimelineEvent.QueueWait(at, job, queuedNanos));
        if (parked) {
            settings.slo().listener().parked(queuedNanos);
        }
        Mono<Verdict> next;
        long began = settings.now();
        try {
            next = segment.get();
        } catch (RuntimeException e) {
            ended(job, began);
            sink.error(e);
            return;
        }
        ended(job, began);
        running = next.subscribe(sink::success, sink::error);
        if (cancelled) {
            running.dispose();
        }
    }

    /** The segment ran up to a need (whose effects have started), the answer or a failure. */
    private void ended(String job, long began) {
        long now = settings.now();
        exchange.timeline().add(new TimelineEvent.JobEnded(exchange.clock().elapsedAt(now), job, now - began));
    }

    @Override
    public void shed() {
        sink.success(Verdict.failed(ZerverError.of(ErrorKind.OVERLOADED, "scheduler", "queue_full")));
    }

    @Override
    public void expire() {
        sink.success(Verdict.failed(ZerverError.of(ErrorKind.TIMEOUT, "request", "deadline")));
    }

    private void cancel() {
        cancelled = true;
        running.dispose();
    }
}
