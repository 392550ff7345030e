package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

import java.util.List;

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

    @Override
    public String toString() {
        return "ResponseFrame[" + id + ", " + status + ", " + body.length + " bytes]";
    }
}
