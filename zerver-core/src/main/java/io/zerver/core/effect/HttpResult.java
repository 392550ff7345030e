package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.http.Headers;
import java.nio.charset.StandardCharsets;

/** The response to an {@link HttpCall}. */
public record HttpResult(int status, Headers headers, byte[] body) {

    public HttpResult {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
