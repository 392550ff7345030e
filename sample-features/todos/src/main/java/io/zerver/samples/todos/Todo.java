package io.zerver.samples.todos;

import static java.util.Objects.requireNonNull;

import io.zerver.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A todo as stored and answered: {@code {"id":..,"title":..,"done":..,"createdAt":..}}. The
 * owner is never part of it; it lives in the storage key only (see {@link TodoKeys}).
 *
 * @param id the id, unique within its owner's todos
 * @param title the title, not blank, at most {@link TodoJson#MAX_TITLE_LENGTH} characters
 * @param done whether it is done
 * @param createdAt when it was created, from the engine's clock
 */
record Todo(String id, String title, boolean done, Instant createdAt) {

    /** Stored todos are flat objects; anything deeper is not ours. */
    private static final int STORED_DEPTH = 4;

    Todo {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(createdAt, "createdAt");
    }

    /** The todo with {@code changes} applied; id and creation time stay. */
    Todo with(TodoChanges changes) {
        return new Todo(id, changes.title() != null ? changes.title() : title,
                changes.done() != null ? changes.done() : done, createdAt);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("title", title);
        map.put("done", done);
        map.put("createdAt", createdAt.toString());
        return map;
    }

    String toJson() {
        return Json.write(toMap());
    }

    /**
     * Reads a todo written by {@link #toJson()}.
     *
     * @throws IllegalStateException when the stored text is not such a todo (a 500: stored
     *         data is ours, so this is a bug or a corruption, never the client's fault)
     */
    static Todo fromJson(String json) {
        try {
            if (Json.parse(json, STORED_DEPTH) instanceof Map<?, ?> map
                    && map.get("id") instanceof String id
                    && map.get("title") instanceof String title
                    && map.get("done") instanceof Boolean done
                    && map.get("createdAt") instanceof String createdAt) {
                return new Todo(id, title, done, Instant.parse(createdAt));
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored todo does not parse", e);
        }
        throw new IllegalStateException("stored todo lacks id, title, done or createdAt");
    }
}
