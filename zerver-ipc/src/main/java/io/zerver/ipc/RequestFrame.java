package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request forwarded by the ingest.
 *
 * @param id the link-level id, unique among the requests in flight on one connection
 * @param method the method in upper case
 * @param target the path and query as received ({@code /todos?limit=2})
 * @param headers the headers in arrival order
 * @param body the body bytes, empty when there is none
 * @param clientAddress the client's address as the ingest saw it ({@code 127.0.0.1:51234}),
 *     empty when unknown
 * @param arrivalEpochMillis when the ingest received the request, wall clock
 * @param deadlineEpochMillis when the ingest stops waiting for the answer, wall clock (both
 *     processes share a host, so they share the clock)
 */
public record RequestFrame(long id, String method, String target, List<Header> headers, byte[] body,
        String clientAddress, long arrivalEpochMillis, long deadlineEpochMillis) implements Frame {

    public RequestFrame {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        headers = List.copyOf(headers);
        requireNonNull(body, "body");
        requireNonNull(clientAddress, "clientAddress");
    }

    /** The same request under another link id (a client renumbers per connection). */
    public RequestFrame withId(long newId) {
        return new RequestFrame(newId, method, target, headers, body, clientAddress,
                arrivalEpochMillis, deadlineEpochMillis);
    }

    /** Equal when every component is, the body compared by content. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RequestFrame r && id == r.id && method.equals(r.method) && target.equals(r.target)
                && headers.equals(r.headers) && Arrays.equals(body, r.body) && clientAddress.equals(r.clientAddress)
                && arrivalEpochMillis == r.arrivalEpochMillis && deadlineEpochMillis == r.deadlineEpochMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, method, target, headers, Arrays.hashCode(body), clientAddress, arrivalEpochMillis,
                deadlineEpochMillis);
    }

    @Override
    public String toString() {
        return "RequestFrame[" + id + ", " + method + " " + target + ", " + body.length + " bytes]";
    }
}
