package io.zerver.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ordering, shedding and expiry promises of docs/scheduler.md, on a manual clock and executor. */
class SloSchedulerTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();

    private SloScheduler scheduler(int maxConcurrent, int maxQueued, Duration aging) {
        return SloScheduler.create(new SchedulerConfig(maxConcurrent, maxQueued, aging, null, OverBudget.PARK),
                pending::add, now::get, SchedulerListener.none());
    }

    private final class TestJob implements Job {

        final String name;
        final Priority priority;
        final long deadline;
        boolean cancelled;
        long waited = -1;

        TestJob(String name, Priority priority, long deadlineInMillis) {
            this.name = name;
            this.priority = priority;
            this.deadline = now.get() + deadlineInMillis * 1_000_000;
        }

        @Override
        public Priority priority() {
            return priority;
        }

        @Override
        public long deadlineNanos() {
            return deadline;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void run(long queuedNanos) {
            waited = queuedNanos;
            log.add("run " + name);
        }

        @Override
        public void shed() {
            log.add("shed " + name);
        }

        @Override
        public void expire() {
            log.add("expire " + name);
        }
    }

    /** Runs the next dispatched job, which frees its slot and dispatches the one after. */
    private void runNext() {
        pending.poll().run();
    }

    private void runAll() {
        while (!pending.isEmpty()) {
            runNext();
        }
    }

    @Test
    void idleSchedulerLetsTheCallerRunAtOnce() {
        SloScheduler s = scheduler(2, 10, Duration.ofMillis(50));

        assertThat(s.tryRunNow()).isTrue();
        assertThat(s.running()).isEqualTo(1);
        s.release();

        assertThat(s.running()).isZero();
        assertThat(pending).isEmpty();
    }

    @Test
    void fastPathIsClosedWhileWorkWaits() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        assertThat(s.tryRunNow()).isTrue();
        s.submit(new TestJob("queued", Priority.INTERACTIVE, 1000));

        s.release();

        assertThat(s.tryRunNow()).as("the queued job holds the only slot").isFalse();
        runAll();
        assertThat(log).containsExactly("run queued");
        assertThat(s.tryRunNow()).isTrue();
    }

    @Test
    void interactiveRunsBeforeBatch() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        s.tryRunNow();
        s.submit(new TestJob("batch", Priority.BATCH, 100));
        s.submit(new TestJob("interactive", Priority.INTERACTIVE, 1000));

        s.release();
        runAll();

        assertThat(log).containsExactly("run interactive", "run batch");
    }

    @Test
    void earlierDeadlinesRunFirstWithinAClass() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        s.tryRunNow();
        s.submit(new TestJob("late", Priority.INTERACTIVE, 900));
        s.submit(new TestJob("early", Priority.INTERACTIVE, 100));
        s.submit(new TestJob("middle", Priority.INTERACTIVE, 500));

        s.release();
        runAll();

        assertThat(log).containsExactly("run early", "run middle", "run late");
    }

    @Test
    void agedBatchGoesAheadOfFresherInteractive() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        s.tryRunNow();
        s.submit(new TestJob("batch", Priority.BATCH, 10_000));
        now.addAndGet(Duration.ofMillis(60).toNanos());
        s.submit(new TestJob("interactive", Priority.INTERACTIVE, 1000));

        s.release();
        runAll();

        assertThat(log).containsExactly("run batch", "run interactive");
    }

    @Test
    void expiredJobIsNotStarted() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        s.tryRunNow();
        TestJob doomed = new TestJob("doomed", Priority.INTERACTIVE, 10);
        s.submit(doomed);
        s.submit(new TestJob("fine", Priority.INTERACTIVE, 1000));
        now.addAndGet(Duration.ofMillis(20).toNanos());

        s.release();
        runAll();

        assertThat(log).containsExactly("expire doomed", "run fine");
        assertThat(doomed.waited).isEqualTo(-1);
        assertThat(s.expiredCount()).isEqualTo(1);
    }

    @Test
    void fullQueueShedsBatchToAdmitInteractive() {
        SloScheduler s = scheduler(1, 2, Duration.ofMillis(50));
        s.tryRunNow();
        s.submit(new TestJob("batch-early", Priority.BATCH, 100));
        s.submit(new TestJob("batch-late", Priority.BATCH, 900));

        s.submit(new TestJob("interactive", Priority.INTERACTIVE, 1000));

        assertThat(log).containsExactly("shed batch-late");
        s.release();
        runAll();
        assertThat(log).containsExactly("shed batch-late", "run interactive", "run batch-early");
        assertThat(s.shedCount()).isEqualTo(1);
    }

    @Test
    void fullQueueShedsIncomingBatchAtOnce() {
        SloScheduler s = scheduler(1, 1, Duration.ofMillis(50));
        s.tryRunNow();
        s.submit(new TestJob("interactive", Priority.INTERACTIVE, 1000));

        s.submit(new TestJob("batch", Priority.BATCH, 1000));
        s.submit(new TestJob("interactive-2", Priority.INTERACTIVE, 1000));

        assertThat(log).containsExactly("shed batch", "shed interactive-2");
        assertThat(s.queueDepth()).isEqualTo(1);
    }

    @Test
    void cancelledJobIsDroppedSilently() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        s.tryRunNow();
        TestJob gone = new TestJob("gone", Priority.INTERACTIVE, 1000);
        s.submit(gone);
        s.submit(new TestJob("stays", Priority.INTERACTIVE, 2000));
        gone.cancelled = true;

        s.release();
        runAll();

        assertThat(log).containsExactly("run stays");
    }

    @Test
    void queuedJobLearnsHowLongItWaited() {
        SloScheduler s = scheduler(1, 10, Duration.ofMillis(50));
        s.tryRunNow();
        TestJob job = new TestJob("job", Priority.INTERACTIVE, 1000);
        s.submit(job);
        now.addAndGet(Duration.ofMillis(7).toNanos());

        s.release();
        runAll();

        assertThat(job.waited).isEqualTo(Duration.ofMillis(7).toNanos());
    }

    @Test
    void batchCompletesWithinAgingBoundUnderAnInteractiveFlood() {
        // One slot; every job takes 1 ms; two fresh interactive jobs arrive per millisecond,
        // more than the slot can serve. The batch job must start within the aging bound.
        Duration aging = Duration.ofMillis(50);
        SloScheduler s = scheduler(1, 10_000, aging);
        s.tryRunNow();
        long start = now.get();
        int flood = 0;
        s.submit(new TestJob("i" + flood++, Priority.INTERACTIVE, 5_000));
        TestJob batch = new TestJob("batch", Priority.BATCH, 10_000);
        s.submit(batch);
        s.release();
        while (batch.waited < 0 && now.get() - start < Duration.ofSeconds(1).toNanos()) {
            s.submit(new TestJob("i" + flood++, Priority.INTERACTIVE, 5_000));
            s.submit(new TestJob("i" + flood++, Priority.INTERACTIVE, 5_000));
            now.addAndGet(Duration.ofMillis(1).toNanos());
            runNext();
        }

        assertThat(batch.waited).isPositive();
        assertThat(Duration.ofNanos(batch.waited)).isLessThanOrEqualTo(aging.plusMillis(1));
        assertThat(flood).isGreaterThan(50);
    }

    @Test
    void rejectedDispatchShedsTheJob() {
        SloScheduler s = SloScheduler.create(new SchedulerConfig(1, 10, Duration.ofMillis(50), null,
                OverBudget.PARK), r -> {
                    throw new RejectedExecutionException("pool closed");
                }, now::get, SchedulerListener.none());
        s.tryRunNow();
        s.submit(new TestJob("job", Priority.INTERACTIVE, 1000));

        s.release();

        assertThat(log).containsExactly("shed job");
        assertThat(s.running()).isZero();
    }

    @Test
    void rejectsInvalidConfiguration() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchedulerConfig.defaults().withMaxConcurrent(0))
                .hasMessage("maxConcurrent: 0 (expected: >= 1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchedulerConfig.defaults()
                        .withAgingBound(Duration.ofMillis(-1)))
                .hasMessageContaining("agingBound: PT-0.001S (expected: >= 0)");
    }
}
