package io.zerver.core.http;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An incoming HTTP request as the engine sees it: already read, already bounded.
 *
 * @param method the method in upper case
 * @param path the path, without the query, not yet decoded
 * @param rawQuery the query without the leading '?', empty when there is none
 * @param headers the request headers
 * @param body the body bytes, empty when there is none
 * @param clientAddress the peer, when known
 */
public record Request(String method, String path, String rawQuery, Headers headers, byte[] body,
        @Nullable InetSocketAddress clientAddress) {

    private static final byte[] NO_BODY = new byte[0];

    public Request {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(rawQuery, "rawQuery");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    /** A request from a method and a target ({@code /todos?limit=2}). */
    public static Request of(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        return new Request(method, path, query, Headers.empty(), NO_BODY, null);
    }

    public Request withHeader(String name, String value) {
        return new Request(method, path, rawQuery, headers.with(name, value), body, clientAddress);
    }

    public Request withHeaders(Headers newHeaders) {
        return new Request(method, path, rawQuery, newHeaders, body, clientAddress);
    }

    public Request withBody(byte[] newBody) {
        return new Request(method, path, rawQuery, headers, newBody, clientAddress);
    }

    public Request withBody(String utf8) {
        return withBody(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public Request withMethod(String newMethod) {
        return new Request(newMethod, path, rawQuery, headers, body, clientAddress);
    }

    public Request withClientAddress(@Nullable InetSocketAddress address) {
        return new Request(method, path, rawQuery, headers, body, address);
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
