package io.zerver.core.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The response a pipeline answers with.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body bytes
 * @param entity an object the engine writes as the JSON body when the pipeline answers (see
 *     {@link #json(int, Object)}), or null; the body is empty until then
 */
public record Response(int status, Headers headers, byte[] body, @Nullable Object entity) {

    private static final byte[] NO_BODY = new byte[0];

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
        }
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    public Response(int status, Headers headers, byte[] body) {
        this(status, headers, body, null);
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

    /** {@code 200} with {@code value} as its JSON body: see {@link #json(int, Object)}. */
    public static Response json(Object value) {
        return json(200, value);
    }

    /**
     * {@code status} with {@code value} written as JSON when the pipeline answers, by the
     * engine's {@link io.zerver.core.body.BodyCodec} (the application's Jackson mapper with the
     * starter; without one, maps, lists, strings, numbers and booleans only). A {@code String}
     * is taken as JSON text already written: {@link #json(int, String)}.
     */
    public static Response json(int status, Object value) {
        if (value instanceof String json) {
            return json(status, json);
        }
        return new Response(status, Headers.of("Content-Type", "application/json"), NO_BODY,
                requireNonNull(value, "value"));
    }

    /** A copy with {@code body} in place of the entity still to write. */
    public Response withEntityWritten(byte[] written) {
        return new Response(status, headers, written, null);
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
        return new Response(status, headers.with(name, value), body, entity);
    }

    public Response withOnlyHeader(String name, String value) {
        return new Response(status, headers.withOnly(name, value), body, entity);
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
