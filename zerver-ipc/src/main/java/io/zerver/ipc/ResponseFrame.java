package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The supervisor's answer to a request.
 *
 * @param id the id of the request this answers
 * @param status the HTTP status
 * @param headers the response headers in order
 * @param body the body bytes
 * @param processingMicros how long the supervisor spent on it, from frame read to frame written
 */
public record ResponseFrame(long id, int status, List<Header> headers, byte[] body, long processingMicros)
        implements Reply {

    public ResponseFrame {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
        }
        headers = List.copyOf(headers);
        requireNonNull(body, "body");
    }

    /** Equal when every component is, the body compared by content. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ResponseFrame r && id == r.id && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body) && processingMicros == r.processingMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, headers, Arrays.hashCode(body), processingMicros);
    }

    @Override
    public String toString() {
        return "ResponseFrame[" + id + ", " + status + ", " + body.length + " bytes]";
    }
}
