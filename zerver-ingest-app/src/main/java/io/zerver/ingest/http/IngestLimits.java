package io.zerver.ingest.http;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.time.Duration;

/**
 * What the ingest accepts from a client and how long it waits (docs/contract.md, limits). A value
 * out of range is refused with an {@link InvalidValueException} naming the component and what it
 * accepts; the ingest's {@code zerver.ingest.*} properties are checked against these ranges.
 *
 * @param maxBodyBytes the largest request body; larger ones answer 413 without being read in full.
 *     0 to 2147483639 (the largest array: a body is aggregated into one)
 * @param maxHeaderBytes the largest header block; larger ones answer 431. 256 to 1048576
 * @param maxHeaderCount the most header lines; more answer 431. At least 1
 * @param maxUriLength the longest request target; longer ones answer 414. 16 to 1048576
 * @param requestTimeout how long a request may take from its head's arrival to its answer: a body
 *     still arriving then answers 408, an answer still missing answers 504. Above 0
 * @param readTimeout how long a request's head may take to arrive, and the longest silence while its
 *     body arrives; then 408 and the connection closes. Above 0
 * @param idleTimeout how long a kept-alive connection may wait for its next request. Above 0
 */
public record IngestLimits(long maxBodyBytes, int maxHeaderBytes, int maxHeaderCount, int maxUriLength,
        Duration requestTimeout, Duration readTimeout, Duration idleTimeout) {

    /** The request line also holds the method and the version: room for both beyond the target. */
    static final int REQUEST_LINE_SLACK = 32;

    private static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;
    private static final int MAX_HEAD_BYTES = 1024 * 1024;

    public IngestLimits {
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new InvalidValueException("maxBodyBytes", maxBodyBytes, "0.." + MAX_BODY_BYTES);
        }
        if (maxHeaderBytes < 256 || maxHeaderBytes > MAX_HEAD_BYTES) {
            throw new InvalidValueException("maxHeaderBytes", maxHeaderBytes, "256.." + MAX_HEAD_BYTES);
        }
        if (maxHeaderCount < 1) {
            throw new InvalidValueException("maxHeaderCount", maxHeaderCount, ">= 1");
        }
        if (maxUriLength < 16 || maxUriLength > MAX_HEAD_BYTES) {
            throw new InvalidValueException("maxUriLength", maxUriLength, "16.." + MAX_HEAD_BYTES);
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidValueException(name, value, "> 0");
        }
    }
}
