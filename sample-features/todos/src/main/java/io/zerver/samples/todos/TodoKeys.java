package io.zerver.samples.todos;

import io.zerver.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Storage keys and ids. Each user's todos live under their own prefix,
 * {@code todo:<user>:<id>}, so a lookup, a scan or a delete can only ever reach the caller's
 * own todos. The user is escaped ({@code %} and {@code :} percent-encoded) so that no user
 * id can reach into another's prefix ({@code ann:x} is not {@code ann} with id
 * {@code x:...}); ids never contain {@code :} (see {@link #isValidId}).
 */
final class TodoKeys {

    /** Ids are URL-safe: what {@code ctx.newId()} and {@link #idempotentId} produce. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int ID_BYTES = 16;

    private TodoKeys() {
    }

    /** The prefix of every key of {@code user}'s todos. */
    static String prefix(String user) {
        return "todo:" + escape(user) + ":";
    }

    /** The key of {@code user}'s todo {@code id}. */
    static String key(String user, String id) {
        return prefix(user) + id;
    }

    /** Whether {@code id} has the shape of an id; one that has not cannot exist. */
    static boolean isValidId(String id) {
        return ID.matcher(id).matches();
    }

    /**
     * The id of the todo created by {@code user} with {@code idempotencyKey}: the same on every
     * repeat, so that the repeated write targets the same record, and distinct across users.
     * 22 URL-safe characters, like {@code ctx.newId()}: 128 bits of SHA-256.
     */
    static String idempotentId(String user, String idempotencyKey) {
        // Length-prefixed, so that no (user, key) pair can be read as another one.
        String input = user.length() + ":" + user + ":" + idempotencyKey;
        byte[] hash = sha256().digest(input.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, ID_BYTES));
    }

    /**
     * The key under which the store records the outcome of the create write. It names the
     * feature and the id only: the id already stands for user and key, and so the user id
     * stays out of anything the store may report.
     */
    static String createIdempotencyKey(String id) {
        return "todos:create:" + id;
    }

    /**
     * The key of the fingerprint of the request that first created todo {@code id} with an
     * {@code Idempotency-Key}. Outside every user's todo prefix ({@code todo-request:} is not
     * {@code todo:}), so that a list never reads it as a todo.
     */
    static String requestKey(String user, String id) {
        return "todo-request:" + escape(user) + ":" + id;
    }

    /** The key under which the store records the outcome of writing the {@link #requestKey}. */
    static String requestIdempotencyKey(String id) {
        return "todos:request:" + id;
    }

    /**
     * What a creation asks for, as a versioned digest: {@code sha256:} and the URL-safe SHA-256
     * of the validated fields as canonical JSON ({@code {"title":..,"done":..}}, {@code done}
     * defaulted). So {@code {"title":"a"}} and {@code { "done": false, "title": "a" }} are the
     * same request, and a title that differs in one character is another one.
     */
    static String fingerprint(Todo todo) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("title", todo.title());
        canonical.put("done", todo.done());
        byte[] hash = sha256().digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
        return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static String escape(String user) {
        if (user.indexOf('%') < 0 && user.indexOf(':') < 0) {
            return user;
        }
        return user.replace("%", "%25").replace(":", "%3A");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
