package io.zerver.autoconfigure.actuate;

import io.zerver.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Parses the engine's JSON into plain maps and lists with real nulls, for the actuator's own mapper. */
final class PlainJson {

    private PlainJson() {
    }

    static @Nullable Object parse(String json) {
        return plain(Json.parse(json, 256));
    }

    private static @Nullable Object plain(Object value) {
        if (value == Json.NULL) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(plain(item));
            }
            return out;
        }
        return value;
    }
}
