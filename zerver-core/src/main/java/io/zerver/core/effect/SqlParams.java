package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The SQL effects' parameters: null values allowed, as SQL NULL. */
final class SqlParams {

    private SqlParams() {
    }

    /** An unmodifiable copy, in the given order; a value may be null, a name may not. */
    static Map<String, @Nullable Object> copy(Map<String, ? extends @Nullable Object> params) {
        requireNonNull(params, "params");
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> copy.put(requireNonNull(name, "parameter name"), value));
        return Collections.unmodifiableMap(copy);
    }
}
