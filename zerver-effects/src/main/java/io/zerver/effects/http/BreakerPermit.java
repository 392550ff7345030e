package io.zerver.effects.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.zerver.core.error.ZerverException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One permission taken from a host's breaker, settled exactly once however the call ends.
 *
 * <ul>
 * <li>an answer: a failure when 5xx or 429 (even for a call that accepts any status: the
 *     breaker judges the host, not the step), a success otherwise, 4xx included (the host
 *     is up and answering);
 * <li>no answer: a failure when it comes from the host (refused, reset, oversized body),
 *     released uncounted when it is local ({@code pool_exhausted});
 * <li>cancelled: the engine cancels both when the attempt's timeout fires and when the
 *     request no longer needs the result (a lost join, a client gone). The handler cannot
 *     tell which, so it compares the time taken with the attempt's timeout: cancelled at or
 *     after it, a timeout, counted as a failure; sooner, the permission is released
 *     uncounted, as though the call had never been made.
 * </ul>
 */
final class BreakerPermit {

    /** Cancellations this close to the timeout count as the timeout firing. */
    private static final long TIMEOUT_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final CircuitBreaker breaker;
    private final long startNanos;
    private final long timeoutNanos;
    private final AtomicBoolean settled = new AtomicBoolean();

    BreakerPermit(CircuitBreaker breaker, Duration attemptTimeout) {
        this.breaker = breaker;
        this.startNanos = System.nanoTime();
        this.timeoutNanos = saturatedNanos(attemptTimeout);
    }

    void answered(int status) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        if (HttpFailures.isHostFailure(status)) {
            breaker.onError(elapsed(), TimeUnit.NANOSECONDS,
                    new ZerverException(HttpFailures.kindOf(status), HttpFailures.WHAT, "status_" + status));
        } else {
            breaker.onSuccess(elapsed(), TimeUnit.NANOSECONDS);
        }
    }

    void failed(ZerverException e) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        if (HttpFailures.countsAgainstHost(e)) {
            breaker.onError(elapsed(), TimeUnit.NANOSECONDS, e);
        } else {
            breaker.releasePermission();
        }
    }

    void cancelled() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        long elapsed = elapsed();
        if (elapsed >= timeoutNanos - TIMEOUT_SLACK_NANOS) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS,
                    new TimeoutException("no answer within " + Duration.ofNanos(timeoutNanos)));
        } else {
            breaker.releasePermission();
        }
    }

    private long elapsed() {
        return System.nanoTime() - startNanos;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
