package io.zerver.samples.blog;

import static java.util.Objects.requireNonNull;

import io.zerver.core.json.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A comment as stored and answered:
 * {@code {"id":..,"postId":..,"author":..,"content":..,"createdAt":..}}.
 *
 * @param id the id, unique within its post
 * @param postId the post it belongs to
 * @param author who wrote it, not blank, at most {@link BlogBodies#MAX_AUTHOR_LENGTH} characters
 * @param content the text, not blank, at most {@link BlogBodies#MAX_COMMENT_LENGTH} characters
 * @param createdAt when it was created, from the engine's clock
 */
record Comment(String id, String postId, String author, String content, Instant createdAt) {

    /** Oldest first: a conversation reads top to bottom. */
    static final Comparator<Comment> OLDEST_FIRST =
            Comparator.comparing(Comment::createdAt).thenComparing(Comment::id);

    private static final int STORED_DEPTH = 4;

    Comment {
        requireNonNull(id, "id");
        requireNonNull(postId, "postId");
        requireNonNull(author, "author");
        requireNonNull(content, "content");
        requireNonNull(createdAt, "createdAt");
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("postId", postId);
        map.put("author", author);
        map.put("content", content);
        map.put("createdAt", createdAt.toString());
        return map;
    }

    String toJson() {
        return Json.write(toMap());
    }

    /**
     * Reads a comment written by {@link #toJson()}.
     *
     * @throws IllegalStateException when the stored text is not such a comment
     */
    static Comment fromJson(String json) {
        try {
            if (Json.parse(json, STORED_DEPTH) instanceof Map<?, ?> map
                    && map.get("id") instanceof String id
                    && map.get("postId") instanceof String postId
                    && map.get("author") instanceof String author
                    && map.get("content") instanceof String content
                    && map.get("createdAt") instanceof String createdAt) {
                return new Comment(id, postId, author, content, Instant.parse(createdAt));
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored comment does not parse", e);
        }
        throw new IllegalStateException("stored comment lacks id, postId, author, content or createdAt");
    }
}
