package io.zerver.core.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The response a pipeline answers with.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body bytes
 */
public record Response(int status, Headers headers, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
        }
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    public static Response status(int status) {
        return new Response(status, Headers.empty(), NO_BODY);
    }

    public static Response noContent() {
        return status(204);
    }

    public static Response json(int status, String json) {
        return of(status, "application/json", json);
    }

    public static Response text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text);
    }

    public static Response html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html);
    }

    public static Response of(int status, String contentType, String body) {
        return new Response(status, Headers.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public Response withHeader(String name, String value) {
        return new Response(status, headers.with(name, value), body);
    }

    public Response withOnlyHeader(String name, String value) {
        return new Response(status, headers.withOnly(name, value), body);
    }

    public Response withoutBody() {
        return new Response(status, headers, NO_BODY);
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Response[" + status + ", " + headers + ", " + body.length + " bytes]";
    }
}
