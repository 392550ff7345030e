package io.zerver.ingest.http;

import io.netty.util.AttributeKey;

/**
 * What the guard learnt about the request it hands on, read by the forwarder from the channel.
 * The guard hands on one request at a time per connection, so the channel holds at most one.
 *
 * @param requestId the client's well-formed {@code X-Request-Id}, else a generated one
 * @param arrivalEpochMillis when the head arrived, wall clock
 * @param arrivalNanos when the head arrived, {@link System#nanoTime()}
 * @param deadlineNanos when the ingest stops waiting for the answer, {@link System#nanoTime()}
 */
record RequestMeta(String requestId, long arrivalEpochMillis, long arrivalNanos, long deadlineNanos) {

    static final AttributeKey<RequestMeta> KEY = AttributeKey.valueOf(RequestMeta.class, "request");

    /** The deadline on the wall clock, for the frame. */
    long deadlineEpochMillis() {
        return arrivalEpochMillis + (deadlineNanos - arrivalNanos) / 1_000_000;
    }
}
