package io.zerver.effects.http;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The errors an HTTP call fails with, all {@code what = "http"}.
 *
 * <p>Statuses, unless the call accepts any status:
 * <ul>
 * <li>2xx and 3xx: success (redirects are not followed unless configured, so a 3xx is the result);
 * <li>429: {@code TooManyRequests}, transient;
 * <li>5xx: {@code UpstreamUnavailable}, transient;
 * <li>404 and 410: {@code NotFound}; 409 and 412: {@code Conflict};
 * <li>any other 4xx: {@code Internal}. The upstream rejected the request this service
 *     built (its shape, its credentials, its size): a defect here, not the client's fault,
 *     so neither {@code InvalidInput} nor {@code Unauthorized} (which would tell the client
 *     to fix its own request or log in again), and not worth retrying. A step that wants to
 *     pass an upstream 400 on as the client's {@code InvalidInput} asks for
 *     {@code acceptingAnyStatus()} and decides;
 * <li>anything outside 200..599: {@code UpstreamUnavailable}, a broken upstream.
 * </ul>
 * Every 4xx but 429 is of a kind that is not transient, so the engine does not retry it.
 * The key is {@code "status_" + code}.
 *
 * <p>No answer at all (refused, reset, unknown host, closed early, connect timeout) is
 * {@code UpstreamUnavailable("unavailable")}; no pooled connection free in time is
 * {@code Overloaded("pool_exhausted")}, local saturation that says nothing of the host;
 * a method or header Netty refuses to write is {@code Internal("bad_request")}.
 */
final class HttpFailures {

    static final String WHAT = "http";
    static final String CIRCUIT_OPEN = "circuit_open";
    static final String RESPONSE_TOO_LARGE = "response_too_large";
    static final String POOL_EXHAUSTED = "pool_exhausted";
    static final String UNAVAILABLE = "unavailable";
    static final String BAD_URL = "bad_url";
    static final String BAD_REQUEST = "bad_request";

    private static final System.Logger LOG = System.getLogger(HttpFailures.class.getName());

    private HttpFailures() {
    }

    static ZerverException circuitOpen() {
        return new ZerverException(ErrorKind.UPSTREAM_UNAVAILABLE, WHAT, CIRCUIT_OPEN);
    }

    static ZerverException responseTooLarge() {
        return new ZerverException(ErrorKind.UPSTREAM_UNAVAILABLE, WHAT, RESPONSE_TOO_LARGE);
    }

    static ZerverException badUrl() {
        return new ZerverException(ErrorKind.INTERNAL, WHAT, BAD_URL);
    }

    /** The error for {@code status}, or null when it is a success (2xx, 3xx). */
    static @Nullable ZerverException ofStatus(int status) {
        if (status >= 200 && status < 400) {
            return null;
        }
        return new ZerverException(kindOf(status), WHAT, "status_" + status);
    }

    static ErrorKind kindOf(int status) {
        if (status == 429) {
            return ErrorKind.TOO_MANY_REQUESTS;
        }
        if (status == 404 || status == 410) {
            return ErrorKind.NOT_FOUND;
        }
        if (status == 409 || status == 412) {
            return ErrorKind.CONFLICT;
        }
        if (status >= 400 && status < 500) {
            return ErrorKind.INTERNAL;
        }
        return ErrorKind.UPSTREAM_UNAVAILABLE;
    }

    /** Whether a response with {@code status} says the host is unwell: 5xx and 429. */
    static boolean isHostFailure(int status) {
        return status == 429 || status >= 500;
    }

    /** The error for a call that got no (usable) answer. */
    static ZerverException of(Throwable e) {
        if (e instanceof ZerverException z) {
            return z;
        }
        // Reactor Netty's pool signals an acquire timeout with a java.util.concurrent
        // TimeoutException subclass and a full pending queue with PoolAcquirePendingLimitException.
        if (e instanceof TimeoutException || e.getClass().getSimpleName().equals("PoolAcquirePendingLimitException")) {
            return new ZerverException(ZerverError.of(ErrorKind.OVERLOADED, WHAT, POOL_EXHAUSTED), e);
        }
        // Netty rejects a method or header it cannot write (a CR or LF in a value, say) with
        // IllegalArgumentException before anything is sent: a defect of the call, not of the host.
        if (e instanceof IllegalArgumentException) {
            return new ZerverException(ZerverError.of(ErrorKind.INTERNAL, WHAT, BAD_REQUEST), e);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "http call failed: " + e);
        return new ZerverException(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, WHAT, UNAVAILABLE), e);
    }

    /**
     * Whether a failure counts against the host's breaker: the transient ones that come
     * from the host (5xx, 429, no answer, an oversized answer), not local saturation.
     */
    static boolean countsAgainstHost(ZerverException e) {
        ZerverError error = e.error();
        return error.kind().isTransient() && !error.key().equals(POOL_EXHAUSTED);
    }
}
