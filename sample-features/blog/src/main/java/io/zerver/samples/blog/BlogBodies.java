package io.zerver.samples.blog;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.json.Json;
import io.zerver.core.step.StepContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates request bodies: JSON for the API, {@code application/x-www-form-urlencoded}
 * for the pages' forms, both checked by the same rules. Every refusal is a 400 with
 * {@code what} "post" or "comment" and one of the keys below, thrown as a
 * {@link ZerverException} (the engine answers it as it would a {@code Decision.fail}).
 *
 * <table>
 * <caption>Error keys</caption>
 * <tr><td>{@code malformed}</td><td>the body is empty, not UTF-8, not JSON (or not a form)</td></tr>
 * <tr><td>{@code too_deep}</td><td>the body is nested deeper than the engine's JSON depth limit</td></tr>
 * <tr><td>{@code not_an_object}</td><td>the body is JSON, but not an object</td></tr>
 * <tr><td>{@code <field>_missing}</td><td>no such field (or {@code null}) where one is needed</td></tr>
 * <tr><td>{@code <field>_not_a_string}</td><td>the field is not a string</td></tr>
 * <tr><td>{@code <field>_blank}</td><td>the field is empty or whitespace only</td></tr>
 * <tr><td>{@code <field>_too_long}</td><td>the field is over its limit, in characters (code points)</td></tr>
 * </table>
 *
 * <p>Limits: title 200, author 100, post content 10,000, comment content 2,000 characters.
 */
final class BlogBodies {

    /** The domain of post errors. */
    static final String POST = "post";
    /** The domain of comment errors. */
    static final String COMMENT = "comment";

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_AUTHOR_LENGTH = 100;
    static final int MAX_CONTENT_LENGTH = 10_000;
    static final int MAX_COMMENT_LENGTH = 2_000;

    private BlogBodies() {
    }

    /** The JSON body as an object; 400 {@code what}/malformed, too_deep or not_an_object otherwise. */
    static Map<?, ?> json(StepContext ctx, String what) {
        Object body;
        try {
            body = ctx.json();
        } catch (ZerverException e) {
            // The engine's own json/empty_body, invalid_utf8, malformed or too_deep.
            throw invalid(what, "too_deep".equals(e.error().key()) ? "too_deep" : "malformed");
        }
        if (body instanceof Map<?, ?> map) {
            return map;
        }
        throw invalid(what, "not_an_object");
    }

    /**
     * A form body ({@code a=1&b=2}, percent- and {@code +}-encoded UTF-8) as a map; the first
     * of repeated names wins. 400 {@code what}/malformed when it is not such a body.
     */
    static Map<String, String> form(StepContext ctx, String what) {
        String text = ctx.bodyText();
        if (text.isEmpty()) {
            throw invalid(what, "malformed");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(what, "malformed");
            }
            try {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid(what, "malformed");
            }
        }
        return fields;
    }

    /** A new post: title, content and author required. */
    static Post newPost(String id, Map<?, ?> body, Instant now) {
        return new Post(id, required(body, "title", MAX_TITLE_LENGTH, POST),
                required(body, "content", MAX_CONTENT_LENGTH, POST),
                required(body, "author", MAX_AUTHOR_LENGTH, POST), now, now);
    }

    /** A full replacement ({@code PUT}): as for a new post. */
    static PostChanges replacement(Map<?, ?> body) {
        return new PostChanges(required(body, "title", MAX_TITLE_LENGTH, POST),
                required(body, "content", MAX_CONTENT_LENGTH, POST),
                required(body, "author", MAX_AUTHOR_LENGTH, POST));
    }

    /** A partial update ({@code PATCH}): every field optional, checked when present. */
    static PostChanges patch(Map<?, ?> body) {
        return new PostChanges(optional(body, "title", MAX_TITLE_LENGTH),
                optional(body, "content", MAX_CONTENT_LENGTH),
                optional(body, "author", MAX_AUTHOR_LENGTH));
    }

    /** A new comment of post {@code postId}: author and content required. */
    static Comment newComment(String id, String postId, Map<?, ?> body, Instant now) {
        return new Comment(id, postId, required(body, "author", MAX_AUTHOR_LENGTH, COMMENT),
                required(body, "content", MAX_COMMENT_LENGTH, COMMENT), now);
    }

    private static String required(Map<?, ?> body, String name, int maxLength, String what) {
        String value = field(body, name, true, maxLength, what);
        if (value == null) {
            throw invalid(what, name + "_missing");
        }
        return value;
    }

    private static @Nullable String optional(Map<?, ?> body, String name, int maxLength) {
        return field(body, name, false, maxLength, POST);
    }

    private static @Nullable String field(Map<?, ?> body, String name, boolean required, int maxLength,
            String what) {
        if (!body.containsKey(name)) {
            if (required) {
                throw invalid(what, name + "_missing");
            }
            return null;
        }
        Object value = body.get(name);
        if (value == Json.NULL) {
            throw invalid(what, name + "_missing");
        }
        if (!(value instanceof String text)) {
            throw invalid(what, name + "_not_a_string");
        }
        if (text.isBlank()) {
            throw invalid(what, name + "_blank");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw invalid(what, name + "_too_long");
        }
        return text;
    }

    static ZerverException invalid(String what, String key) {
        return new ZerverException(ErrorKind.INVALID_INPUT, what, key);
    }
}
