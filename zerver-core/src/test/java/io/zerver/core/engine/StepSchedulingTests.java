package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.schedule.Priority;
import io.zerver.core.schedule.SchedulerConfig;
import io.zerver.core.schedule.SchedulerListener;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The engine under the SLO scheduler: fast path, queueing, shedding, expiry, priorities, budgets. */
class StepSchedulingTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger stepRuns = new AtomicInteger();
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final AtomicReference<Timeline> lastTimeline = new AtomicReference<>();

    private Step answer(String name) {
        return Step.of(name, ctx -> {
            stepRuns.incrementAndGet();
            return Decision.done(Response.text(200, name));
        });
    }

    private SloScheduler scheduler(SchedulerConfig config) {
        // Queued jobs run on the thread that frees the slot: deterministic.
        return SloScheduler.create(config, Runnable::run, () -> time.now(java.util.concurrent.TimeUnit.NANOSECONDS),
                SchedulerListener.none());
    }

    private Engine engine(SloScheduler slo, RouteTable routes) {
        return Engine.builder().routes(routes).scheduler(time).stepScheduler(slo)
                .defaultTimeout(Duration.ofSeconds(1))
                .observer(new TimelineObserver() {
                    @Override
                    public void onStart(Timeline timeline) {
                        lastTimeline.set(timeline);
                    }
                }).build();
    }

    private RouteTable routes() {
        return RouteTable.builder()
                .get("/interactive", r -> r.steps(answer("interactive")))
                .get("/batch", r -> r.steps(answer("batch")).priority(Priority.BATCH))
                .get("/lowerable", r -> r.steps(answer("lowerable")).allowPriorityHeader())
                .get("/fixed", r -> r.steps(answer("fixed")))
                .build();
    }

    private void send(Engine engine, Request request) {
        engine.handle(request).subscribe(r -> answered.add(r.bodyAsString().startsWith("{")
                ? r.status() + ":" + r.bodyAsString() : r.bodyAsString()));
    }

    @Test
    void idleSchedulerRunsStepsAtOnceWithoutQueueing() {
        Engine engine = engine(scheduler(SchedulerConfig.defaults()), routes());

        send(engine, Request.of("GET", "/interactive"));

        assertThat(answered).containsExactly("interactive");
        assertThat(lastTimeline.get().events(TimelineEvent.QueueWait.class)).isEmpty();
    }

    @Test
    void busySchedulerQueuesAndRecordsTheWait() {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withMaxConcurrent(1));
        Engine engine = engine(slo, routes());
        slo.tryRunNow();

        send(engine, Request.of("GET", "/interactive"));
        time.advanceTimeBy(Duration.ofMillis(7));
        assertThat(answered).isEmpty();
        slo.release();

        assertThat(answered).containsExactly("interactive");
        assertThat(lastTimeline.get().events(TimelineEvent.QueueWait.class)).singleElement()
                .satisfies(w -> assertThat(w.waitNanos()).isEqualTo(Duration.ofMillis(7).toNanos()));
    }

    @Test
    void queuedJobRecordsWhereItsRunEnded() {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withMaxConcurrent(1));
        Engine engine = engine(slo, routes());
        slo.tryRunNow();

        send(engine, Request.of("GET", "/interactive"));
        slo.release();

        List<String> types = lastTimeline.get().events().stream().map(e -> e.getClass().getSimpleName()).toList();
        assertThat(types).containsSubsequence("QueueWait", "StepStarted", "StepEnded", "JobEnded", "Finished");
        assertThat(lastTimeline.get().events(TimelineEvent.JobEnded.class)).singleElement()
                .satisfies(j -> assertThat(j.job()).isEqualTo("step"));
    }

    @Test
    void fullQueueShedsAtOnceWith503AndRetryAfter() {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withMaxConcurrent(1).withMaxQueued(0));
        Engine engine = engine(slo, routes());
        slo.tryRunNow();

        Response response = engine.handle(Request.of("GET", "/interactive")).block(Duration.ofSeconds(1));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(response.bodyAsString()).contains("queue_full");
        assertThat(stepRuns).hasValue(0);
        slo.release();
    }

    @Test
    void requestExpiredInTheQueueCostsNoStepExecution() {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withMaxConcurrent(1));
        Engine engine = engine(slo, routes());
        slo.tryRunNow();

        send(engine, Request.of("GET", "/interactive").withHeader("X-Request-Timeout", "50"));
        time.advanceTimeBy(Duration.ofMillis(60));
        slo.release();

        assertThat(answered).singleElement().satisfies(a -> assertThat(a).startsWith("504:").contains("deadline"));
        assertThat(stepRuns).hasValue(0);
    }

    @Test
    void interactiveWorkOvertakesQueuedBatchWork() {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withMaxConcurrent(1));
        Engine engine = engine(slo, routes());
        slo.tryRunNow();

        send(engine, Request.of("GET", "/batch"));
        send(engine, Request.of("GET", "/interactive"));
        slo.release();

        assertThat(answered).containsExactly("interactive", "batch");
    }

    @Test
    void headerLowersPriorityOnlyWhereTheRouteAllows() {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withMaxConcurrent(1));
        Engine engine = engine(slo, routes());
        slo.tryRunNow();

        send(engine, Request.of("GET", "/lowerable").withHeader("X-Zerver-Priority", "batch"));
        send(engine, Request.of("GET", "/fixed").withHeader("X-Zerver-Priority", "batch"));
        send(engine, Request.of("GET", "/interactive"));
        slo.release();

        assertThat(answered).containsExactly("fixed", "interactive", "lowerable");
    }

    private static Step burnCpu(String name, Duration cpu) {
        return Step.of(name, ctx -> {
            var threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < until) {
                x += System.nanoTime() % 7;
            }
            return x == -1 ? Decision.fail(io.zerver.core.error.ErrorKind.INTERNAL, "never", "") : Decision.next();
        });
    }

    /** A route whose first step burns 10 ms of CPU, then waits for an effect, then answers. */
    private Engine hogEngine(OverBudget policy) {
        SloScheduler slo = scheduler(SchedulerConfig.defaults().withRequestCpuBudget(Duration.ofMillis(2), policy));
        Step needSomething = Step.of("pause", ctx -> Decision.need(io.zerver.core.effect.Effects.dbGet("k")
                .optional()));
        return Engine.builder().scheduler(time).stepScheduler(slo)
                .handlers(EmptyKv.handlers())
                .routes(RouteTable.builder().get("/hog", r -> r.steps(burnCpu("hog", Duration.ofMillis(10)),
                        needSomething, answer("after"))).build())
                .observer(new TimelineObserver() {
                    @Override
                    public void onStart(Timeline timeline) {
                        lastTimeline.set(timeline);
                    }
                }).build();
    }

    @Test
    void requestOverItsCpuBudgetIsRejectedWhenConfigured() {
        Response response = hogEngine(OverBudget.REJECT).handle(Request.of("GET", "/hog"))
                .block(Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyAsString()).contains("cpu_budget");
        assertThat(stepRuns).hasValue(0);
        assertThat(lastTimeline.get().events(TimelineEvent.BudgetExceeded.class)).singleElement()
                .satisfies(b -> assertThat(b.action()).isEqualTo("reject"));
    }

    @Test
    void requestOverItsCpuBudgetIsParkedWhenConfigured() {
        Response response = hogEngine(OverBudget.PARK).handle(Request.of("GET", "/hog"))
                .block(Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(200);
        assertThat(lastTimeline.get().events(TimelineEvent.BudgetRegistered.class)).hasSize(1);
        assertThat(lastTimeline.get().events(TimelineEvent.BudgetExceeded.class)).singleElement()
                .satisfies(b -> assertThat(b.action()).isEqualTo("park"));
        assertThat(lastTimeline.get().events(TimelineEvent.ParkWait.class)).hasSize(1);
    }
}
