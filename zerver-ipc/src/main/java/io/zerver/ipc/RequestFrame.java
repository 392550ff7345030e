package io.zerver.ipc;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request forwarded by the ingest. What the ingest learnt about it travels typed: the
 * client's address, and when the request arrived and must be answered by.
 *
 * @param id the link-level id, unique among the requests in flight on one connection
 * @param method the method in upper case
 * @param target the path and query as received ({@code /todos?limit=2})
 * @param headers the headers in arrival order
 * @param body the body bytes, empty when there is none
 * @param clientAddress the client's IP address and port as the ingest saw them, null when
 *     unknown; always resolved (an IP address, never a name to look up). An IPv6 scope does not
 *     cross the link.
 * @param arrival when the ingest received the request, wall clock, to the millisecond
 * @param deadline when the ingest stops waiting for the answer, wall clock, to the millisecond
 *     (both processes share a host, so they share the clock)
 */
public record RequestFrame(long id, String method, String target, List<Header> headers, byte[] body,
        @Nullable InetSocketAddress clientAddress, Instant arrival, Instant deadline) implements Frame {

    public RequestFrame {
        requireNonNull(method, "method");
        requireNonNull(target, "target");
        headers = List.copyOf(headers);
        requireNonNull(body, "body");
        if (clientAddress != null && clientAddress.getAddress() == null) {
            throw new IllegalArgumentException("clientAddress: " + clientAddress + " (expected: an IP address)");
        }
        arrival = toMillis(arrival, "arrival");
        deadline = toMillis(deadline, "deadline");
    }

    /** The same request under another link id (a client renumbers per connection). */
    public RequestFrame withId(long newId) {
        return new RequestFrame(newId, method, target, headers, body, clientAddress, arrival, deadline);
    }

    /** Equal when every component is, the body compared by content. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RequestFrame r && id == r.id && method.equals(r.method) && target.equals(r.target)
                && headers.equals(r.headers) && Arrays.equals(body, r.body)
                && Objects.equals(clientAddress, r.clientAddress) && arrival.equals(r.arrival)
                && deadline.equals(r.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, method, target, headers, Arrays.hashCode(body), clientAddress, arrival, deadline);
    }

    @Override
    public String toString() {
        return "RequestFrame[" + id + ", " + method + " " + target + ", " + body.length + " bytes]";
    }

    /** {@code instant} cut to the millisecond the wire carries; one the wire cannot carry is refused. */
    private static Instant toMillis(Instant instant, String name) {
        requireNonNull(instant, name);
        long millis;
        try {
            millis = instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + ": " + instant + " (expected: within epoch milliseconds)");
        }
        return instant.getNano() % 1_000_000 == 0 ? instant : Instant.ofEpochMilli(millis);
    }
}
