package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.http.Headers;
import io.zerver.core.slot.Slot;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An outgoing HTTP request. The slot gets the response (status, headers, body). A non-2xx
 * status is a failure (5xx and 429 transient, so retried by the effect's policy) unless
 * {@link #acceptingAnyStatus()} was asked for.
 *
 * @param method the method, upper case
 * @param url the absolute URL
 * @param headers the request headers
 * @param body the request body
 * @param anyStatus whether every status is a success
 * @param slot the slot the response goes to
 * @param options the common options
 */
public record HttpCall(String method, URI url, Headers headers, byte[] body, boolean anyStatus,
        @Nullable Slot<HttpResult> slot, EffectOptions options) implements ConfigurableEffect<HttpCall> {

    public HttpCall {
        requireNonNull(method, "method");
        requireNonNull(url, "url");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "http." + method.toLowerCase(Locale.ROOT);
    }

    @Override
    public String target() {
        return url.getHost() == null ? "http" : url.getHost();
    }

    @Override
    public boolean isWrite() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** A copy whose result goes to {@code slot}. */
    public HttpCall into(Slot<HttpResult> slot) {
        return new HttpCall(method, url, headers, body, anyStatus, requireNonNull(slot, "slot"), options);
    }

    /** A copy for which every status, 4xx and 5xx included, is a success the continuation inspects. */
    public HttpCall acceptingAnyStatus() {
        return new HttpCall(method, url, headers, body, true, slot, options);
    }

    /** A copy with one more request header. */
    public HttpCall header(String name, String value) {
        return new HttpCall(method, url, headers.with(name, value), body, anyStatus, slot, options);
    }

    @Override
    public HttpCall withOptions(EffectOptions options) {
        return new HttpCall(method, url, headers, body, anyStatus, slot, options);
    }
}
