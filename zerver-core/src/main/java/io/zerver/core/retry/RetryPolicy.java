package io.zerver.core.retry;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How an effect is tried again after a transient failure.
 *
 * <p>All arithmetic saturates: however many attempts and however large the base, a delay
 * never overflows and never exceeds {@link #maxDelay()}. Jitter only ever shortens a
 * delay (by up to {@code jitter} of it), so the cap holds with jitter too.
 *
 * @param backoff how the delay grows
 * @param maxAttempts attempts in all, the first included (1 means no retry)
 * @param base the first delay
 * @param maxDelay the cap on any one delay
 * @param jitter the fraction of each delay that is randomised away, 0 to 1
 */
public record RetryPolicy(Backoff backoff, int maxAttempts, Duration base, Duration maxDelay, double jitter) {

    private static final RetryPolicy NONE = new RetryPolicy(Backoff.NONE, 1, Duration.ZERO, Duration.ZERO, 0);
    private static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    public RetryPolicy {
        requireNonNull(backoff, "backoff");
        requireNonNull(base, "base");
        requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
        }
        if (base.isNegative()) {
            throw new IllegalArgumentException("base: " + base + " (expected: >= 0)");
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay: " + maxDelay + " (expected: >= 0)");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter: " + jitter + " (expected: 0..1)");
        }
        if (backoff == Backoff.NONE && maxAttempts != 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: 1 with Backoff.NONE)");
        }
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static RetryPolicy fixed(int maxAttempts, Duration delay) {
        return new RetryPolicy(Backoff.FIXED, maxAttempts, delay, max(delay), 0);
    }

    public static RetryPolicy linear(int maxAttempts, Duration base) {
        return new RetryPolicy(Backoff.LINEAR, maxAttempts, base, max(base), 0);
    }

    public static RetryPolicy exponential(int maxAttempts, Duration base) {
        return new RetryPolicy(Backoff.EXPONENTIAL, maxAttempts, base, max(base), 0);
    }

    public static RetryPolicy fibonacci(int maxAttempts, Duration base) {
        return new RetryPolicy(Backoff.FIBONACCI, maxAttempts, base, max(base), 0);
    }

    private static Duration max(Duration base) {
        return base.compareTo(DEFAULT_MAX_DELAY) > 0 ? base : DEFAULT_MAX_DELAY;
    }

    public RetryPolicy withMaxDelay(Duration newMaxDelay) {
        return new RetryPolicy(backoff, maxAttempts, base, newMaxDelay, jitter);
    }

    public RetryPolicy withJitter(double newJitter) {
        return new RetryPolicy(backoff, maxAttempts, base, maxDelay, newJitter);
    }

    public RetryPolicy withMaxAttempts(int newMaxAttempts) {
        return new RetryPolicy(backoff, newMaxAttempts, base, maxDelay, jitter);
    }

    /** Whether the policy allows a retry after {@code attempt} attempts were made. */
    public boolean allowsRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry), before jitter,
     * in nanoseconds, capped at {@link #maxDelay()}.
     */
    public long delayNanos(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry: " + retry + " (expected: >= 1)");
        }
        long cap = saturatedNanos(maxDelay);
        long b = saturatedNanos(base);
        long raw = switch (backoff) {
            case NONE -> 0;
            case FIXED -> b;
            case LINEAR -> saturatingMultiply(b, retry);
            case EXPONENTIAL -> retry - 1 >= 63 ? (b == 0 ? 0 : Long.MAX_VALUE) : saturatingMultiply(b, 1L << (retry - 1));
            case FIBONACCI -> b == 0 ? 0 : saturatingMultiply(b, fibonacci(retry, cap / b));
        };
        return Math.min(raw, cap);
    }

    /** The delay before retry number {@code retry}, with jitter drawn from {@code random}. */
    public Duration delay(int retry, RandomGenerator random) {
        long nanos = delayNanos(retry);
        if (jitter > 0 && nanos > 0) {
            nanos -= (long) (nanos * jitter * random.nextDouble());
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * fib(1) = 1, fib(2) = 1, fib(3) = 2, ...; stops at the first value past {@code limit}
     * ({@code Long.MAX_VALUE} when that overflows), so the loop is short for any {@code n}.
     */
    static long fibonacci(int n, long limit) {
        long a = 1;
        long b = 1;
        for (int i = 2; i < n; i++) {
            long next = a + b;
            if (next < 0) {
                return Long.MAX_VALUE;
            }
            if (next > limit) {
                return next;
            }
            a = b;
            b = next;
        }
        return b;
    }

    static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        return Long.MAX_VALUE;
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
