package io.zerver.core.timeline;

import io.zerver.core.json.Json;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a timeline as JSON: one object per event, named by its type, its fields as keys. */
final class TimelineJson {

    private TimelineJson() {
    }

    static String write(Timeline timeline) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("requestId", timeline.requestId());
        root.put("method", timeline.method());
        root.put("path", timeline.path());
        root.put("route", timeline.route());
        root.put("status", timeline.status());
        root.put("startEpochMillis", timeline.startEpochMillis());
        List<Object> events = new ArrayList<>();
        for (TimelineEvent e : timeline.events()) {
            events.add(event(e));
        }
        root.put("events", events);
        return Json.write(root);
    }

    static Map<String, Object> event(TimelineEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", event.getClass().getSimpleName());
        for (RecordComponent c : event.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(event);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
            out.put(c.getName(), jsonValue(value));
        }
        return out;
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof io.zerver.core.step.Layer layer) {
            return layer.label();
        }
        if (value instanceof io.zerver.core.error.ZerverError error) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", error.kind().label());
            m.put("what", error.what());
            m.put("key", error.key());
            return m;
        }
        return value.toString();
    }
}
