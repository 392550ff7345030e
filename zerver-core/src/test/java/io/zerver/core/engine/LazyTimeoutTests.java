package io.zerver.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class LazyTimeoutTests {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final AtomicInteger timersArmed = new AtomicInteger();

    /** The virtual-time scheduler, counting the timers armed on it. */
    private final Scheduler counting = new Scheduler() {
        @Override
        public Disposable schedule(Runnable task) {
            return time.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            timersArmed.incrementAndGet();
            return time.schedule(task, delay, unit);
        }

        @Override
        public Worker createWorker() {
            return time.createWorker();
        }
    };

    @Test
    void sourceThatAnswersAtOnceArmsNoTimer() {
        StepVerifier.create(LazyTimeout.within(Mono.just("now"), 1_000_000, counting, () -> "late"))
                .expectNext("now")
                .verifyComplete();

        assertThat(timersArmed).hasValue(0);
    }

    @Test
    void slowSourceIsCancelledAndReplacedAtTheTimeout() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Mono<String> slow = Mono.delay(Duration.ofSeconds(5), time).thenReturn("slow")
                .doOnCancel(() -> cancelled.set(true));

        StepVerifier.withVirtualTime(() -> LazyTimeout.within(slow, Duration.ofMillis(100).toNanos(), counting,
                        () -> "timed out"), () -> time, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofMillis(100))
                .expectNext("timed out")
                .verifyComplete();

        assertThat(cancelled).isTrue();
        assertThat(timersArmed).hasValue(1);
    }

    @Test
    void answerBeforeTheTimeoutDisarmsIt() {
        Mono<String> quick = Mono.delay(Duration.ofMillis(10), time).thenReturn("quick");

        StepVerifier.withVirtualTime(() -> LazyTimeout.within(quick, Duration.ofMillis(100).toNanos(), counting,
                        () -> "timed out"), () -> time, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait(Duration.ofMillis(10))
                .expectNext("quick")
                .verifyComplete();
    }

    @Test
    void errorsPassThrough() {
        StepVerifier.create(LazyTimeout.within(Mono.<String>error(new IllegalStateException("boom")), 1_000,
                        counting, () -> "late"))
                .verifyErrorMessage("boom");
    }

    @Test
    void cancellingTheResultCancelsTheSource() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Mono<String> never = Mono.<String>never().doOnCancel(() -> cancelled.set(true));

        LazyTimeout.within(never, Duration.ofSeconds(1).toNanos(), counting, () -> "late").subscribe().dispose();

        assertThat(cancelled).isTrue();
    }
}
