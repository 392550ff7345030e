package io.zerver.effects.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.Effects;
import io.zerver.core.engine.Engine;
import io.zerver.core.http.Request;
import io.zerver.core.http.Response;
import io.zerver.core.route.RouteTable;
import io.zerver.core.schedule.OverBudget;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.Decision;
import io.zerver.core.step.Step;
import io.zerver.core.timeline.Timeline;
import io.zerver.core.timeline.TimelineEvent;
import io.zerver.core.timeline.TimelineObserver;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComputeEffectsTests {

    private static final Slot<Long> RESULT = Slot.of("result", Long.class);

    private ComputeEffects compute;
    private final AtomicReference<Timeline> timeline = new AtomicReference<>();

    @AfterEach
    void close() {
        if (compute != null) {
            compute.close();
        }
    }

    /** Burns {@code millis} of CPU, calling checkpoint every 100 µs of CPU. */
    private static Long burn(long millis, ComputeContext ctx) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long next = start;
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() - start < millis * 1_000_000) {
            sum += System.nanoTime() & 3;
            if (threads.getCurrentThreadCpuTime() > next) {
                ctx.checkpoint();
                next = threads.getCurrentThreadCpuTime() + 100_000;
            }
        }
        return sum;
    }

    private Response call(String task, Object input) {
        Step run = Step.named("run").writes(RESULT).run(ctx -> Decision.need(Effects.compute(task, input)
                .into(RESULT).timeout(Duration.ofSeconds(5))));
        Step answer = Step.named("answer").reads(RESULT).run(ctx ->
                Decision.done(Response.text(200, String.valueOf(ctx.require(RESULT)))));
        Engine engine = Engine.builder()
                .routes(RouteTable.builder().get("/c", r -> r.steps(run, answer)).build())
                .handlers(compute.registerOn(EffectHandlers.builder()).build())
                .observer(new TimelineObserver() {
                    @Override
                    public void onStart(Timeline t) {
                        timeline.set(t);
                    }
                })
                .build();
        return engine.handle(Request.of("GET", "/c")).block(Duration.ofSeconds(10));
    }

    @Test
    void runsARegisteredTaskOnTheComputePool() {
        List<String> threads = new CopyOnWriteArrayList<>();
        compute = ComputeEffects.builder(ComputeConfig.defaults())
                .task("square", Long.class, (n, ctx) -> {
                    threads.add(Thread.currentThread().getName());
                    return n * n;
                })
                .build();

        Response response = call("square", 12L);

        assertThat(response.bodyAsString()).isEqualTo("144");
        assertThat(threads).singleElement().satisfies(t -> assertThat(t).startsWith("zerver-compute-"));
    }

    @Test
    void unknownTaskIs500NamingItOnlyInTheTimeline() {
        compute = ComputeEffects.builder(ComputeConfig.defaults()).build();

        Response response = call("nope", 1L);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).doesNotContain("unknown_task");
        assertThat(timeline.get().events(TimelineEvent.EffectEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("unknown_task:nope"));
    }

    @Test
    void taskOverBudgetIsRejectedWhenConfigured() {
        compute = ComputeEffects.builder(ComputeConfig.defaults())
                .task("hog", Long.class, (ms, ctx) -> burn(ms, ctx), Duration.ofMillis(5), OverBudget.REJECT)
                .build();

        Response response = call("hog", 200L);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyAsString()).contains("cpu_budget:hog");
        assertThat(timeline.get().events(TimelineEvent.BudgetRegistered.class)).singleElement()
                .satisfies(b -> assertThat(b.scope()).isEqualTo("compute:hog"));
        assertThat(timeline.get().events(TimelineEvent.BudgetExceeded.class)).singleElement()
                .satisfies(b -> assertThat(b.action()).isEqualTo("reject"));
    }

    @Test
    void taskOverBudgetIsParkedAndFinishesWhenConfigured() {
        compute = ComputeEffects.builder(ComputeConfig.defaults())
                .task("hog", Long.class, (ms, ctx) -> burn(ms, ctx), Duration.ofMillis(5), OverBudget.PARK)
                .build();

        Response response = call("hog", 20L);

        assertThat(response.status()).isEqualTo(200);
        assertThat(timeline.get().events(TimelineEvent.BudgetExceeded.class)).singleElement()
                .satisfies(b -> assertThat(b.action()).isEqualTo("park"));
        assertThat(timeline.get().events(TimelineEvent.ParkWait.class)).isNotEmpty();
    }

    @Test
    void parkedTaskYieldsItsSlotToAWaitingTask() throws Exception {
        // One compute slot: a hog over budget parks at its checkpoint, and a quick task that
        // was waiting for the slot runs before the hog finishes.
        CountDownLatch hogStarted = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        compute = ComputeEffects.builder(ComputeConfig.defaults().withConcurrency(1)
                        .withCpuBudget(Duration.ofMillis(5), OverBudget.PARK))
                .task("hog", Long.class, (ms, ctx) -> {
                    hogStarted.countDown();
                    long r = burn(ms, ctx);
                    order.add("hog");
                    return r;
                })
                .task("quick", Long.class, (n, ctx) -> {
                    order.add("quick");
                    return n;
                })
                .build();
        Thread hog = new Thread(() -> call("hog", 300L));
        hog.start();
        assertThat(hogStarted.await(5, TimeUnit.SECONDS)).isTrue();

        Response quick = call("quick", 7L);
        hog.join(10_000);

        assertThat(quick.bodyAsString()).isEqualTo("7");
        assertThat(order).containsExactly("quick", "hog");
    }

    @Test
    void fullQueueIs503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        compute = ComputeEffects.builder(new ComputeConfig(1, 1, null, OverBudget.PARK))
                .task("block", Long.class, (n, ctx) -> {
                    release.await(5, TimeUnit.SECONDS);
                    return n;
                })
                .build();
        List<Thread> callers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> call("block", 1L));
            t.start();
            callers.add(t);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> compute.queued() == 1 && compute.computing() == 1);

        Response refused = call("block", 1L);
        release.countDown();
        for (Thread t : callers) {
            t.join(5_000);
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.bodyAsString()).contains("queue_full");
    }

    @Test
    void exposesMetrics() {
        compute = ComputeEffects.builder(ComputeConfig.defaults()).task("one", Long.class, (n, ctx) -> n).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        compute.bindTo(registry);

        assertThat(registry.get("zerver.compute.active").gauge().value()).isZero();
        assertThat(registry.get("zerver.compute.budget.exceeded").functionCounter().count()).isZero();
    }

    @Test
    void rejectsDuplicateTasksAndBadConfig() {
        assertThatThrownBy(() -> ComputeEffects.builder(ComputeConfig.defaults())
                .task("a", Long.class, (n, c) -> n).task("a", Long.class, (n, c) -> n))
                .hasMessage("task: 'a' registered twice (expected: one task per name)");
        assertThatThrownBy(() -> ComputeConfig.defaults().withConcurrency(0))
                .hasMessage("concurrency: 0 (expected: >= 1)");
    }
}
