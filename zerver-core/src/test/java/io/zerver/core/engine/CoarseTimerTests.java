package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;

class CoarseTimerTests {

    private final CoarseTimer timer = CoarseTimer.INSTANCE;

    @Test
    void firesAfterItsDelayWithinATick() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        long start = System.nanoTime();

        timer.schedule(() -> {
            at.set(System.nanoTime());
            fired.countDown();
        }, 30, TimeUnit.MILLISECONDS);

        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(at.get() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30))
                .isLessThan(Duration.ofMillis(1_000));
    }

    @Test
    void cancelledTimerNeverFires() throws InterruptedException {
        AtomicBoolean fired = new AtomicBoolean();
        Disposable timeout = timer.schedule(() -> fired.set(true), 20, TimeUnit.MILLISECONDS);
        timeout.dispose();

        CountDownLatch later = new CountDownLatch(1);
        timer.schedule(later::countDown, 60, TimeUnit.MILLISECONDS);

        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).isFalse();
        assertThat(timeout.isDisposed()).isTrue();
    }

    @Test
    void delaysLongerThanTheWheelStillWaitTheirTurn() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        long start = System.nanoTime();
        timer.schedule(fired::countDown, 700, TimeUnit.MILLISECONDS);

        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void manyTimersFireExactlyOnce() throws InterruptedException {
        int n = 2_000;
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            timer.schedule(() -> {
                fired.incrementAndGet();
                all.countDown();
            }, 1 + i % 50, TimeUnit.MILLISECONDS);
        }

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).hasValue(n);
    }

    @Test
    void parksWhileNoTimerIsPendingAndWakesForTheNextOne() throws InterruptedException {
        CoarseTimer own = new CoarseTimer("zerver-timer-parking-test");
        CountDownLatch first = new CountDownLatch(1);
        Disposable cancelled = own.schedule(() -> { }, 40, TimeUnit.MILLISECONDS);
        own.schedule(first::countDown, 5, TimeUnit.MILLISECONDS);
        cancelled.dispose();
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

        awaitState("zerver-timer-parking-test", Thread.State.WAITING);

        CountDownLatch second = new CountDownLatch(1);
        long start = System.nanoTime();
        own.schedule(second::countDown, 10, TimeUnit.MILLISECONDS);
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(10))
                .isLessThan(Duration.ofMillis(1_000));
        awaitState("zerver-timer-parking-test", Thread.State.WAITING);
    }

    /** Waits until the named thread is in {@code state} (parked without a deadline: WAITING). */
    private static void awaitState(String name, Thread.State state) {
        await(name + " " + state).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals(name) && t.getState() == state));
    }

    @Test
    void runsNoTaskOnItsOwnThread() {
        StepVerifier.create(Mono.delay(Duration.ofMillis(5), timer).map(x -> Thread.currentThread().getName()))
                .assertNext(name -> assertThat(name).doesNotStartWith("zerver-timer"))
                .verifyComplete();
    }

    @Test
    void workerCancelsWhatItScheduledWhenDisposed() throws InterruptedException {
        Scheduler.Worker worker = timer.createWorker();
        AtomicBoolean fired = new AtomicBoolean();
        worker.schedule(() -> fired.set(true), 20, TimeUnit.MILLISECONDS);
        worker.dispose();

        CountDownLatch later = new CountDownLatch(1);
        timer.schedule(later::countDown, 60, TimeUnit.MILLISECONDS);

        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).isFalse();
    }
}
