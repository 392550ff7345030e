package io.zerver.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTests {

    private static final Duration BASE = Duration.ofMillis(100);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "FIXED,       100, 100, 100, 100, 100, 100, 100",
            "LINEAR,      100, 200, 300, 400, 500, 600, 700",
            "EXPONENTIAL, 100, 200, 400, 800, 1600, 3200, 6400",
            "FIBONACCI,   100, 100, 200, 300, 500, 800, 1300",
            "NONE,        0, 0, 0, 0, 0, 0, 0"
    })
    void delaysFollowTheBackoffAtKnownPoints(Backoff backoff, long d1, long d2, long d3, long d4, long d5, long d6,
            long d7) {
        RetryPolicy policy = new RetryPolicy(backoff, backoff == Backoff.NONE ? 1 : 10, BASE, Duration.ofMinutes(1), 0);

        long[] expected = {d1, d2, d3, d4, d5, d6, d7};
        for (int retry = 1; retry <= expected.length; retry++) {
            assertThat(policy.delayNanos(retry)).as("retry %d", retry)
                    .isEqualTo(Duration.ofMillis(expected[retry - 1]).toNanos());
        }
    }

    @Test
    void fibonacciFollowsTheSequenceFarOut() {
        RetryPolicy policy = RetryPolicy.fibonacci(100, Duration.ofNanos(1)).withMaxDelay(Duration.ofDays(365));

        assertThat(policy.delayNanos(20)).isEqualTo(6765);
        assertThat(policy.delayNanos(50)).isEqualTo(12_586_269_025L);
    }

    @Test
    void fibonacciWithOneNanosecondBaseAndNoEffectiveCapFollowsTheSequence() {
        RetryPolicy policy = RetryPolicy.fibonacci(100, Duration.ofNanos(1)).withMaxDelay(Duration.ofDays(365L * 1000));

        assertThat(policy.delayNanos(3)).isEqualTo(2);
        assertThat(policy.delayNanos(10)).isEqualTo(55);
        assertThat(policy.delayNanos(92)).isEqualTo(7_540_113_804_746_346_429L);
        assertThat(policy.delayNanos(93)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void delayIsCappedAtMaxDelay() {
        RetryPolicy policy = RetryPolicy.exponential(20, Duration.ofSeconds(1));

        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayNanos(5)).isEqualTo(Duration.ofSeconds(16).toNanos());
        assertThat(policy.delayNanos(6)).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(policy.delayNanos(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void hugeBaseAndRetrySaturateInsteadOfOverflowing() {
        Duration millennium = Duration.ofDays(365L * 1000);
        for (Backoff backoff : new Backoff[] {Backoff.FIXED, Backoff.LINEAR, Backoff.EXPONENTIAL, Backoff.FIBONACCI}) {
            RetryPolicy policy = new RetryPolicy(backoff, Integer.MAX_VALUE, millennium, millennium, 0);

            assertThat(policy.delayNanos(1)).as("%s", backoff).isEqualTo(Long.MAX_VALUE);
            assertThat(policy.delayNanos(Integer.MAX_VALUE)).as("%s", backoff).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void exponentialSaturatesAtTheSixtyFourthRetry() {
        RetryPolicy policy = RetryPolicy.exponential(100, Duration.ofNanos(1)).withMaxDelay(Duration.ofDays(365L * 1000));

        assertThat(policy.delayNanos(63)).isEqualTo(1L << 62);
        assertThat(policy.delayNanos(64)).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.delayNanos(65)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void zeroBaseMeansNoDelay() {
        RetryPolicy policy = RetryPolicy.exponential(100, Duration.ZERO);

        assertThat(policy.delayNanos(1)).isZero();
        assertThat(policy.delayNanos(Integer.MAX_VALUE)).isZero();
        assertThat(RetryPolicy.fibonacci(100, Duration.ZERO).delayNanos(Integer.MAX_VALUE)).isZero();
    }

    @Test
    void defaultMaxDelayIsThirtySecondsOrTheBaseWhenLarger() {
        assertThat(RetryPolicy.fixed(3, Duration.ofSeconds(1)).maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.linear(3, Duration.ofMinutes(2)).maxDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryPolicy.fixed(3, Duration.ofMinutes(2)).delayNanos(2)).isEqualTo(Duration.ofMinutes(2).toNanos());
    }

    @Test
    void delayWithoutJitterIsExact() {
        RetryPolicy policy = RetryPolicy.linear(5, BASE);

        assertThat(policy.delay(3, new Random(1))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void fullJitterWithTheLargestRandomNeverGoesNegative() {
        RandomGenerator largest = () -> -1L;
        RetryPolicy policy = RetryPolicy.fixed(5, Duration.ofSeconds(1)).withJitter(1);

        assertThat(largest.nextDouble()).isLessThan(1);
        assertThat(policy.delay(1, largest)).isBetween(Duration.ZERO, Duration.ofNanos(1));
        assertThat(policy.delay(1, () -> 0L)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noneAllowsNoRetry() {
        RetryPolicy none = RetryPolicy.none();

        assertThat(none.backoff()).isEqualTo(Backoff.NONE);
        assertThat(none.maxAttempts()).isEqualTo(1);
        assertThat(none.allowsRetryAfter(1)).isFalse();
    }

    @Test
    void allowsRetryAfterCountsTheFirstAttempt() {
        RetryPolicy policy = RetryPolicy.fixed(3, BASE);

        assertThat(policy.allowsRetryAfter(1)).isTrue();
        assertThat(policy.allowsRetryAfter(2)).isTrue();
        assertThat(policy.allowsRetryAfter(3)).isFalse();
        assertThat(policy.allowsRetryAfter(4)).isFalse();
    }

    @Test
    void singleAttemptPolicyAllowsNoRetry() {
        assertThat(RetryPolicy.exponential(1, BASE).allowsRetryAfter(1)).isFalse();
    }

    @Test
    void withersReturnCopiesKeepingOtherFields() {
        RetryPolicy policy = RetryPolicy.exponential(4, BASE);

        RetryPolicy jittered = policy.withJitter(0.5);
        RetryPolicy capped = policy.withMaxDelay(Duration.ofSeconds(2));
        RetryPolicy longer = policy.withMaxAttempts(9);

        assertThat(policy.jitter()).isZero();
        assertThat(jittered).isEqualTo(new RetryPolicy(Backoff.EXPONENTIAL, 4, BASE, Duration.ofSeconds(30), 0.5));
        assertThat(capped).isEqualTo(new RetryPolicy(Backoff.EXPONENTIAL, 4, BASE, Duration.ofSeconds(2), 0));
        assertThat(longer).isEqualTo(new RetryPolicy(Backoff.EXPONENTIAL, 9, BASE, Duration.ofSeconds(30), 0));
    }

    @Test
    void rejectsMaxAttemptsBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.fixed(0, BASE))
                .withMessage("maxAttempts: 0 (expected: >= 1)");
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.linear(-3, BASE))
                .withMessageContaining("maxAttempts: -3");
    }

    @Test
    void rejectsNegativeBase() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.exponential(3, Duration.ofMillis(-5)))
                .withMessage("base: PT-0.005S (expected: >= 0)");
    }

    @Test
    void rejectsNegativeMaxDelay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RetryPolicy.fixed(3, BASE).withMaxDelay(Duration.ofSeconds(-1)))
                .withMessage("maxDelay: PT-1S (expected: >= 0)");
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "1.5", "NaN", "Infinity"})
    void rejectsJitterOutsideZeroToOne(double jitter) {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.fixed(3, BASE).withJitter(jitter))
                .withMessage("jitter: " + jitter + " (expected: 0..1)");
    }

    @Test
    void acceptsJitterAtTheBounds() {
        assertThat(RetryPolicy.fixed(3, BASE).withJitter(0).jitter()).isZero();
        assertThat(RetryPolicy.fixed(3, BASE).withJitter(1).jitter()).isOne();
    }

    @Test
    void rejectsNoneWithMoreThanOneAttempt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(Backoff.NONE, 3, Duration.ZERO, Duration.ZERO, 0))
                .withMessage("maxAttempts: 3 (expected: 1 with Backoff.NONE)");
    }

    @Test
    void rejectsNullArgumentsNamingThem() {
        assertThatNullPointerException().isThrownBy(() -> new RetryPolicy(null, 1, BASE, BASE, 0))
                .withMessage("backoff");
        assertThatNullPointerException().isThrownBy(() -> new RetryPolicy(Backoff.FIXED, 1, null, BASE, 0))
                .withMessage("base");
        assertThatNullPointerException().isThrownBy(() -> new RetryPolicy(Backoff.FIXED, 1, BASE, null, 0))
                .withMessage("maxDelay");
    }

    @Test
    void rejectsRetryNumberBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.fixed(3, BASE).delayNanos(0))
                .withMessage("retry: 0 (expected: >= 1)");
    }
}
