package io.zerver.ingest.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What the ingest accepts from a client and how long it waits (docs/contract.md, limits).
 *
 * @param maxBodyBytes the largest request body; larger ones answer 413 without being read in full
 * @param maxHeaderBytes the largest header block; larger ones answer 431
 * @param maxHeaderCount the most header lines; more answer 431
 * @param maxUriLength the longest request target; longer ones answer 414
 * @param requestTimeout how long a request may take from its head's arrival to its answer: a body
 *     still arriving then answers 408, an answer still missing answers 504
 * @param readTimeout how long a request's head may take to arrive, and the longest silence while its
 *     body arrives; then 408 and the connection closes
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 */
public record IngestLimits(long maxBodyBytes, int maxHeaderBytes, int maxHeaderCount, int maxUriLength,
        Duration requestTimeout, Duration readTimeout, Duration idleTimeout) {

    /** The request line also holds the method and the version: room for both beyond the target. */
    static final int REQUEST_LINE_SLACK = 32;

    public IngestLimits {
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "maxBodyBytes: " + maxBodyBytes + " (expected: 0.." + (Integer.MAX_VALUE - 8) + ")");
        }
        if (maxHeaderBytes < 256) {
            throw new IllegalArgumentException("maxHeaderBytes: " + maxHeaderBytes + " (expected: >= 256)");
        }
        if (maxHeaderCount < 1) {
            throw new IllegalArgumentException("maxHeaderCount: " + maxHeaderCount + " (expected: >= 1)");
        }
        if (maxUriLength < 16) {
            throw new IllegalArgumentException("maxUriLength: " + maxUriLength + " (expected: >= 16)");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
