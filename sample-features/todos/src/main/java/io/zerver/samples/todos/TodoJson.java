package io.zerver.samples.todos;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.json.Json;
import io.zerver.core.step.StepContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates request bodies and shapes answers. Every refusal is a 400 with {@code what}
 * "todo" and one of the keys below, thrown as a {@link ZerverException} (the engine answers
 * it as it would a {@code Decision.fail}).
 *
 * <table>
 * <caption>Error keys</caption>
 * <tr><td>{@code malformed}</td><td>the body is empty, not UTF-8 or not JSON</td></tr>
 * <tr><td>{@code too_deep}</td><td>the body is nested deeper than the engine's JSON depth limit</td></tr>
 * <tr><td>{@code not_an_object}</td><td>the body is JSON, but not an object</td></tr>
 * <tr><td>{@code title_missing}</td><td>no title (or {@code null}) where one is needed</td></tr>
 * <tr><td>{@code title_not_a_string}</td><td>the title is not a string</td></tr>
 * <tr><td>{@code title_blank}</td><td>the title is empty or whitespace only</td></tr>
 * <tr><td>{@code title_too_long}</td><td>the title has more than 200 characters</td></tr>
 * <tr><td>{@code done_not_boolean}</td><td>{@code done} is there but is not {@code true} or {@code false}</td></tr>
 * <tr><td>{@code idempotency_key_invalid}</td><td>{@code Idempotency-Key} is blank, over 255 characters or repeated</td></tr>
 * </table>
 */
final class TodoJson {

    /** The domain of every error of this feature. */
    static final String WHAT = "todo";
    /** The longest title, in characters (Unicode code points). */
    static final int MAX_TITLE_LENGTH = 200;
    /** The longest {@code Idempotency-Key}. */
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private static final Comparator<Todo> BY_CREATION =
            Comparator.comparing(Todo::createdAt).thenComparing(Todo::id);

    private TodoJson() {
    }

    /** A new todo's fields: a title is required, {@code done} defaults to false. */
    static TodoChanges creation(StepContext ctx) {
        return fields(object(ctx), true);
    }

    /** A full replacement ({@code PUT}): as for a creation. */
    static TodoChanges replacement(StepContext ctx) {
        return fields(object(ctx), true);
    }

    /** A partial update ({@code PATCH}): every field optional, checked when present. */
    static TodoChanges patch(StepContext ctx) {
        return fields(object(ctx), false);
    }

    /** The {@code Idempotency-Key} header, checked, or null when absent. */
    static @Nullable String idempotencyKey(StepContext ctx) {
        List<String> keys = ctx.headers().all("Idempotency-Key");
        if (keys.isEmpty()) {
            return null;
        }
        String key = keys.get(0);
        if (keys.size() > 1 || key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw invalid("idempotency_key_invalid");
        }
        return key;
    }

    /** A new todo from validated fields. */
    static Todo newTodo(String id, TodoChanges fields, Instant now) {
        return new Todo(id, requireTitle(fields), Boolean.TRUE.equals(fields.done()), now);
    }

    /** The answer to a list: a JSON array, oldest first. */
    static String list(List<Todo> todos) {
        return Json.write(todos.stream().sorted(BY_CREATION).map(Todo::toMap).toList());
    }

    private static Map<?, ?> object(StepContext ctx) {
        Object body;
        try {
            body = ctx.json();
        } catch (ZerverException e) {
            // The engine's own json/empty_body, invalid_utf8, malformed or too_deep.
            throw invalid("too_deep".equals(e.error().key()) ? "too_deep" : "malformed");
        }
        if (body instanceof Map<?, ?> map) {
            return map;
        }
        throw invalid("not_an_object");
    }

    private static TodoChanges fields(Map<?, ?> body, boolean replace) {
        String title = title(body, replace);
        Boolean done = done(body);
        return new TodoChanges(title, done == null && replace ? Boolean.FALSE : done);
    }

    private static @Nullable String title(Map<?, ?> body, boolean required) {
        if (!body.containsKey("title")) {
            if (required) {
                throw invalid("title_missing");
            }
            return null;
        }
        Object title = body.get("title");
        if (title == Json.NULL) {
            throw invalid("title_missing");
        }
        if (!(title instanceof String text)) {
            throw invalid("title_not_a_string");
        }
        if (text.isBlank()) {
            throw invalid("title_blank");
        }
        if (text.codePointCount(0, text.length()) > MAX_TITLE_LENGTH) {
            throw invalid("title_too_long");
        }
        return text;
    }

    private static @Nullable Boolean done(Map<?, ?> body) {
        if (!body.containsKey("done")) {
            return null;
        }
        if (body.get("done") instanceof Boolean done) {
            return done;
        }
        throw invalid("done_not_boolean");
    }

    private static String requireTitle(TodoChanges fields) {
        String title = fields.title();
        if (title == null) {
            throw invalid("title_missing");
        }
        return title;
    }

    private static ZerverException invalid(String key) {
        return new ZerverException(ErrorKind.INVALID_INPUT, WHAT, key);
    }
}
