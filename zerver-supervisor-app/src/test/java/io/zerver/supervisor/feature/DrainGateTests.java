package io.zerver.supervisor.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A version's gate signals its own drain: no one polls its count. */
class DrainGateTests {

    private final DrainGate gate = new DrainGate();

    @Test
    void admitsRequestsAndCountsThemUntilItDrains() {
        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.inFlight()).isEqualTo(2);

        gate.exit();

        assertThat(gate.inFlight()).isEqualTo(1);
        StepVerifier.create(gate.drained()).expectSubscription().expectNoEvent(Duration.ofMillis(20)).thenCancel()
                .verify();
    }

    @Test
    void anIdleGateIsDrainedAsSoonAsItDrains() {
        gate.drain();

        StepVerifier.create(gate.drained()).verifyComplete();
        assertThat(gate.tryEnter()).isFalse();
    }

    @Test
    void theLastRequestToExitADrainingGateCompletesTheDrain() {
        gate.tryEnter();
        gate.tryEnter();
        gate.drain();
        AtomicInteger signalled = new AtomicInteger();
        gate.drained().subscribe(null, null, signalled::incrementAndGet);

        assertThat(gate.tryEnter()).as("a request that read the old routing may still enter").isTrue();
        gate.exit();
        gate.exit();
        assertThat(signalled).hasValue(0);
        assertThat(gate.inFlight()).isEqualTo(1);

        gate.exit();

        assertThat(signalled).hasValue(1);
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.tryEnter()).as("closed once drained").isFalse();
    }

    @Test
    void drainingTwiceChangesNothing() {
        gate.tryEnter();
        gate.drain();
        gate.drain();

        gate.exit();

        StepVerifier.create(gate.drained()).verifyComplete();
    }

    @Test
    void abandoningClosesTheGateOnWhatRunsAndTellsThoseRequests() {
        gate.tryEnter();
        gate.tryEnter();
        gate.drain();

        int abandoned = gate.abandon();

        assertThat(abandoned).isEqualTo(2);
        StepVerifier.create(gate.abandoned()).verifyComplete();
        assertThat(gate.tryEnter()).isFalse();
        gate.exit();
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.abandon()).isZero();
    }

    @Test
    void aGateThatIsNotDrainingIsNeverDrainedByItsRequestsLeaving() {
        gate.tryEnter();
        gate.exit();
        gate.exit(); // unbalanced: ignored

        assertThat(gate.inFlight()).isZero();
        assertThat(gate.tryEnter()).isTrue();
        StepVerifier.create(gate.drained()).expectSubscription().expectNoEvent(Duration.ofMillis(20)).thenCancel()
                .verify();
    }

    @Test
    void drainsExactlyOnceUnderConcurrentRequests() throws InterruptedException {
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger signalled = new AtomicInteger();
        gate.drained().subscribe(null, null, signalled::incrementAndGet);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    if (gate.tryEnter()) {
                        admitted.incrementAndGet();
                        gate.exit();
                    }
                }
            });
        }
        start.countDown();
        gate.drain();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(signalled).hasValue(1);
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.tryEnter()).isFalse();
    }
}
