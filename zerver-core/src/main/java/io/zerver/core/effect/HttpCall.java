package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/** An outgoing HTTP request; the slot gets the response, whatever its status. */
public record HttpCall(String method, java.net.URI url, io.zerver.core.http.Headers headers, byte[] body, @Nullable Slot<HttpResult> slot, EffectOptions options) implements Effect {

    public HttpCall {
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "http." + method.toLowerCase(java.util.Locale.ROOT);
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
        return new HttpCall(method, url, headers, body, requireNonNull(slot, "slot"), options);
    }

    @Override
    public HttpCall withOptions(EffectOptions options) {
        return new HttpCall(method, url, headers, body, slot, options);
    }
}
