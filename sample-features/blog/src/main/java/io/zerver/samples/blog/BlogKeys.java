package io.zerver.samples.blog;

import java.util.regex.Pattern;

/**
 * Storage keys. Posts live under {@code blog:post:<id>}, a post's comments under
 * {@code blog:comment:<post id>:<comment id>}, so that one prefix scan finds all posts and
 * another all comments of one post. Ids never contain {@code :} (see {@link #isValidId}), so
 * no post's comment prefix reaches into another's.
 */
final class BlogKeys {

    /** Ids are URL-safe: what {@code ctx.newId()} produces. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The prefix of every post's key. */
    static final String POSTS = "blog:post:";

    private BlogKeys() {
    }

    static String post(String id) {
        return POSTS + id;
    }

    /** The prefix of every key of the comments of post {@code postId}. */
    static String comments(String postId) {
        return "blog:comment:" + postId + ":";
    }

    static String comment(String postId, String commentId) {
        return comments(postId) + commentId;
    }

    /** Whether {@code id} has the shape of an id; one that has not cannot exist. */
    static boolean isValidId(String id) {
        return ID.matcher(id).matches();
    }
}
