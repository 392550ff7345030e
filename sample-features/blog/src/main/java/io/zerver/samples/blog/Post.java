package io.zerver.samples.blog;

import static java.util.Objects.requireNonNull;

import io.zerver.core.json.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A post as stored and answered:
 * {@code {"id":..,"title":..,"content":..,"author":..,"createdAt":..,"updatedAt":..}}.
 *
 * @param id the id (see {@link BlogKeys#isValidId})
 * @param title the title, not blank, at most {@link BlogBodies#MAX_TITLE_LENGTH} characters
 * @param content the text, not blank, at most {@link BlogBodies#MAX_CONTENT_LENGTH} characters
 * @param author who wrote it, not blank, at most {@link BlogBodies#MAX_AUTHOR_LENGTH} characters
 * @param createdAt when it was created, from the engine's clock
 * @param updatedAt when it was last changed; its creation time until then
 */
record Post(String id, String title, String content, String author, Instant createdAt, Instant updatedAt) {

    /** Newest first, then by id, so that equal times still sort the same way every time. */
    static final Comparator<Post> NEWEST_FIRST =
            Comparator.comparing(Post::createdAt).reversed().thenComparing(Post::id);

    /** Stored posts are flat objects; anything deeper is not ours. */
    private static final int STORED_DEPTH = 4;

    Post {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(content, "content");
        requireNonNull(author, "author");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
    }

    /** The post with {@code changes} applied at {@code now}; id and creation time stay. */
    Post with(PostChanges changes, Instant now) {
        return new Post(id, changes.title() != null ? changes.title() : title,
                changes.content() != null ? changes.content() : content,
                changes.author() != null ? changes.author() : author, createdAt, now);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("title", title);
        map.put("content", content);
        map.put("author", author);
        map.put("createdAt", createdAt.toString());
        map.put("updatedAt", updatedAt.toString());
        return map;
    }

    String toJson() {
        return Json.write(toMap());
    }

    /**
     * Reads a post written by {@link #toJson()}.
     *
     * @throws IllegalStateException when the stored text is not such a post (a 500: stored
     *         data is ours, so this is a bug or a corruption, never the client's fault)
     */
    static Post fromJson(String json) {
        try {
            if (Json.parse(json, STORED_DEPTH) instanceof Map<?, ?> map
                    && map.get("id") instanceof String id
                    && map.get("title") instanceof String title
                    && map.get("content") instanceof String content
                    && map.get("author") instanceof String author
                    && map.get("createdAt") instanceof String createdAt
                    && map.get("updatedAt") instanceof String updatedAt) {
                return new Post(id, title, content, author, Instant.parse(createdAt), Instant.parse(updatedAt));
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored post does not parse", e);
        }
        throw new IllegalStateException("stored post lacks id, title, content, author, createdAt or updatedAt");
    }
}
