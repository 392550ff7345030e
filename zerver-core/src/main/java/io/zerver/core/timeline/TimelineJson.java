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
        Map<String, Object> root = root(timeline);
        List<Object> events = new ArrayList<>();
        for (TimelineEvent e : timeline.events()) {
            events.add(event(e));
        }
        root.put("events", events);
        return Json.write(root);
    }

    /**
     * The timeline in at most {@code maxLength} characters of printable ASCII, so that it
     * fits in a header: characters outside it are escaped as JSON unicode escapes, and when the
     * whole does not fit, the events that do not are left out and {@code "truncated"} counts
     * them (a single {@code "truncated": true} object when not even the request's own fields fit).
     */
    static String writeBounded(Timeline timeline, int maxLength) {
        if (maxLength < MIN_BOUNDED) {
            throw new IllegalArgumentException("maxLength: " + maxLength + " (expected: >= " + MIN_BOUNDED + ")");
        }
        Map<String, Object> root = root(timeline);
        String head = ascii(Json.write(root));
        head = head.substring(0, head.length() - 1); // reopen the object
        List<TimelineEvent> events = timeline.events();
        // Room for ',"events":[' + ']' + ',"truncated":<count>}'.
        int budget = maxLength - head.length() - 12 - 1 - (",\"truncated\":".length() + 11 + 1);
        if (budget < 0) {
            String id = ascii(Json.write(Map.of("requestId", timeline.requestId())));
            String minimal = id.substring(0, id.length() - 1) + ",\"truncated\":true}";
            return minimal.length() <= maxLength ? minimal : "{\"truncated\":true}";
        }
        StringBuilder out = new StringBuilder(Math.min(maxLength, 1024)).append(head).append(",\"events\":[");
        int used = 0;
        int kept = 0;
        for (TimelineEvent e : events) {
            String one = ascii(Json.write(event(e)));
            int cost = one.length() + (kept == 0 ? 0 : 1);
            if (used + cost > budget) {
                break;
            }
            if (kept > 0) {
                out.append(',');
            }
            out.append(one);
            used += cost;
            kept++;
        }
        out.append(']');
        if (kept < events.size()) {
            out.append(",\"truncated\":").append(events.size() - kept);
        }
        return out.append('}').toString();
    }

    /** The shortest bound {@link #writeBounded} accepts: room for {@code {"truncated":true}}. */
    static final int MIN_BOUNDED = 18;

    /** {@code json} with every character outside printable ASCII escaped; JSON has them only inside strings. */
    private static String ascii(String json) {
        int i = 0;
        while (i < json.length() && json.charAt(i) >= 0x20 && json.charAt(i) < 0x7f) {
            i++;
        }
        if (i == json.length()) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16).append(json, 0, i);
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static Map<String, Object> root(Timeline timeline) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("requestId", timeline.requestId());
        root.put("method", timeline.method());
        root.put("path", timeline.path());
        root.put("route", timeline.route());
        root.put("status", timeline.status());
        root.put("startEpochMillis", timeline.startEpochMillis());
        return root;
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
        if (value instanceof io.zerver.core.flow.Layer layer) {
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
