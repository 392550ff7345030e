package io.zerver.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyProperties {

    private static final Duration MILLENNIUM = Duration.ofDays(365L * 1000);

    @Property
    void delayIsNeverNegativeNorAboveMaxDelay(@ForAll("policies") RetryPolicy policy,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int retry) {
        long delay = policy.delayNanos(retry);

        assertThat(delay).isNotNegative();
        assertThat(Duration.ofNanos(delay)).isLessThanOrEqualTo(policy.maxDelay());
    }

    @Property
    void delayIsMonotoneInTheRetryNumber(@ForAll("policies") RetryPolicy policy,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE - 1) int retry) {
        assertThat(policy.delayNanos(retry)).isLessThanOrEqualTo(policy.delayNanos(retry + 1));
    }

    @Property
    void delayIsMonotoneOverTheFirstHundredRetries(@ForAll("policies") RetryPolicy policy) {
        long previous = 0;
        for (int retry = 1; retry <= 100; retry++) {
            long delay = policy.delayNanos(retry);
            assertThat(delay).as("retry %d of %s", retry, policy).isGreaterThanOrEqualTo(previous);
            previous = delay;
        }
    }

    @Property
    void delayMatchesTheBackoffFormulaCappedAtMaxDelay(@ForAll("policies") RetryPolicy policy,
            @ForAll @IntRange(min = 1, max = 200) int retry) {
        BigDecimal base = nanos(policy.base());
        BigDecimal factor = switch (policy.backoff()) {
            case NONE -> BigDecimal.ZERO;
            case FIXED -> BigDecimal.ONE;
            case LINEAR -> BigDecimal.valueOf(retry);
            case EXPONENTIAL -> new BigDecimal(BigInteger.TWO.pow(retry - 1));
            case FIBONACCI -> new BigDecimal(fibonacci(retry));
        };
        BigDecimal cap = nanos(policy.maxDelay()).min(BigDecimal.valueOf(Long.MAX_VALUE));

        assertThat(BigDecimal.valueOf(policy.delayNanos(retry))).isEqualByComparingTo(base.multiply(factor).min(cap));
    }

    @Property
    void jitterOnlyShortensTheDelay(@ForAll("policies") RetryPolicy policy,
            @ForAll @DoubleRange(min = 0, max = 1) double jitter,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int retry, @ForAll long seed) {
        RetryPolicy jittered = policy.withJitter(jitter);
        long full = jittered.delayNanos(retry);

        long delay = jittered.delay(retry, new SplittableRandom(seed)).toNanos();

        assertThat(delay).isLessThanOrEqualTo(full);
        assertThat(BigDecimal.valueOf(delay))
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(full).multiply(BigDecimal.ONE.subtract(new BigDecimal(jitter))));
    }

    @Property
    void allowsRetryExactlyWhileAttemptsRemain(@ForAll("policies") RetryPolicy policy,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int attempt) {
        assertThat(policy.allowsRetryAfter(attempt)).isEqualTo(attempt < policy.maxAttempts());
    }

    @Provide
    Arbitrary<RetryPolicy> policies() {
        Arbitrary<Backoff> backoffs = Arbitraries.of(Backoff.class);
        Arbitrary<Integer> attempts = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        return Combinators.combine(backoffs, attempts, durations(), durations())
                .as((backoff, maxAttempts, base, maxDelay) -> new RetryPolicy(backoff,
                        backoff == Backoff.NONE ? 1 : maxAttempts, base, maxDelay, 0));
    }

    private static Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofNanos),
                Arbitraries.longs().between(0, 10_000_000_000L).map(Duration::ofNanos),
                Arbitraries.longs().between(0, MILLENNIUM.toSeconds()).map(Duration::ofSeconds),
                Arbitraries.of(Duration.ZERO, Duration.ofNanos(1), MILLENNIUM));
    }

    private static BigDecimal nanos(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).scaleByPowerOfTen(9).add(BigDecimal.valueOf(d.getNano()));
    }

    private static BigInteger fibonacci(int n) {
        BigInteger a = BigInteger.ONE;
        BigInteger b = BigInteger.ONE;
        for (int i = 2; i < n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return b;
    }
}
