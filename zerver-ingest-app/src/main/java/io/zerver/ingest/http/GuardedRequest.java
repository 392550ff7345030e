package io.zerver.ingest.http;

import io.netty.util.AttributeKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link RequestGuard} hands on beside a request's head, read by the forwarder from the
 * channel: the facts it learnt, typed, and the body it aggregated, so that nothing is parsed or
 * collected twice. The guard hands on one request at a time per connection, so the channel holds
 * at most one.
 *
 * @param requestId the client's well-formed {@code X-Request-Id}, else a generated one
 * @param arrival when the head arrived, wall clock
 * @param arrivalNanos when the head arrived, {@link System#nanoTime()}
 * @param deadlineNanos when the ingest stops waiting for the answer, {@link System#nanoTime()}
 * @param body the whole body, empty when there is none
 */
record GuardedRequest(String requestId, Instant arrival, long arrivalNanos, long deadlineNanos, byte[] body) {

    static final AttributeKey<GuardedRequest> KEY = AttributeKey.valueOf(GuardedRequest.class, "request");

    /** The longest {@code X-Request-Timeout} read: nine digits of milliseconds. */
    private static final int MAX_TIMEOUT_DIGITS = 9;
    private static final byte[] NO_BODY = new byte[0];

    /**
     * A request whose head arrived just now: its deadline is {@code requestTimeoutNanos} away, or
     * the client's shorter {@code X-Request-Timeout} ({@code timeoutHeader}, whole milliseconds, > 0).
     */
    static GuardedRequest arrived(String requestId, @Nullable String timeoutHeader, long requestTimeoutNanos) {
        long now = System.nanoTime();
        return new GuardedRequest(requestId, Instant.now(), now, now + timeoutNanos(timeoutHeader, requestTimeoutNanos),
                NO_BODY);
    }

    /** The deadline on the wall clock, for the frame. */
    Instant deadline() {
        return arrival.plusNanos(deadlineNanos - arrivalNanos);
    }

    /** The same request with its whole body. */
    GuardedRequest withBody(byte[] whole) {
        return new GuardedRequest(requestId, arrival, arrivalNanos, deadlineNanos, whole);
    }

    private static long timeoutNanos(@Nullable String header, long requestTimeoutNanos) {
        if (header == null || header.isEmpty() || header.length() > MAX_TIMEOUT_DIGITS) {
            return requestTimeoutNanos;
        }
        long millis = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return requestTimeoutNanos;
            }
            millis = millis * 10 + (c - '0');
        }
        return millis == 0 ? requestTimeoutNanos : Math.min(requestTimeoutNanos, millis * 1_000_000);
    }
}
