package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

/** One entry of a {@link DbScan} result. */
public record KeyValue(String key, String value) {

    public KeyValue {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
    }
}
