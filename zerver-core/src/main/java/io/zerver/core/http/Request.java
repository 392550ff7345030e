package io.zerver.core.http;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An incoming HTTP request as the engine sees it: already read, already bounded.
 *
 * <p>The facts its host learnt about the request travel as typed fields, never as headers to
 * be parsed again: the peer's address, and the time the host still gives it. A host that has a
 * deadline of its own for the request (the supervisor, from the ingest's frame) passes what is
 * left of it as {@code timeout}; the engine then runs the request to the earlier of that and
 * its route's deadline, and leaves the client's {@code X-Request-Timeout} to the host, which
 * has applied it already. A request without a timeout gets its route's deadline, tightened by
 * the client's {@code X-Request-Timeout} (see {@code Engine}).
 *
 * @param method the method in upper case
 * @param path the path, without the query, not yet decoded
 * @param rawQuery the query without the leading '?', empty when there is none
 * @param headers the request headers
 * @param body the body bytes, empty when there is none
 * @param clientAddress the peer, when known
 * @param timeout how long the host still waits for the answer, counted from when it handed the
 *     request over; null when the host sets no deadline of its own
 */
public record Request(String method, String path, String rawQuery, Headers headers, byte[] body,
        @Nullable InetSocketAddress clientAddress, @Nullable Duration timeout) {

    private static final byte[] NO_BODY = new byte[0];

    public Request {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(rawQuery, "rawQuery");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
    }

    /** A request whose host sets no deadline of its own. */
    public Request(String method, String path, String rawQuery, Headers headers, byte[] body,
            @Nullable InetSocketAddress clientAddress) {
        this(method, path, rawQuery, headers, body, clientAddress, null);
    }

    /** A request from a method and a target ({@code /todos?limit=2}). */
    public static Request of(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        return new Request(method, path, query, Headers.empty(), NO_BODY, null, null);
    }

    public Request withHeader(String name, String value) {
        return new Request(method, path, rawQuery, headers.with(name, value), body, clientAddress, timeout);
    }

    public Request withHeaders(Headers newHeaders) {
        return new Request(method, path, rawQuery, newHeaders, body, clientAddress, timeout);
    }

    public Request withBody(byte[] newBody) {
        return new Request(method, path, rawQuery, headers, newBody, clientAddress, timeout);
    }

    public Request withBody(String utf8) {
        return withBody(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public Request withMethod(String newMethod) {
        return new Request(newMethod, path, rawQuery, headers, body, clientAddress, timeout);
    }

    public Request withClientAddress(@Nullable InetSocketAddress address) {
        return new Request(method, path, rawQuery, headers, body, address, timeout);
    }

    /** The same request with what is left of its host's deadline (null: none); must be positive. */
    public Request withTimeout(@Nullable Duration newTimeout) {
        return new Request(method, path, rawQuery, headers, body, clientAddress, newTimeout);
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
