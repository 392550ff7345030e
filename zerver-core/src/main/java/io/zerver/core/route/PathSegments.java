package io.zerver.core.route;

import org.jspecify.annotations.Nullable;

/**
 * Splits a raw request path into segments without copying it: segment {@code i} spans
 * {@code (bounds[i], bounds[i + 1])}, {@code bounds[i]} being the slash before it. One
 * trailing slash is ignored; {@code /} has no segment.
 */
final class PathSegments {

    private static final int[] ROOT = {1};

    private PathSegments() {
    }

    /** The end of the path once one trailing slash is dropped, or -1 when the path is not absolute. */
    static int end(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) != '/') {
            return -1;
        }
        return length > 1 && path.charAt(length - 1) == '/' ? length - 1 : length;
    }

    /** The number of segments of {@code path[0, end)}, empty ones included. */
    static int count(String path, int end) {
        if (path.length() == 1) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    /** The bounds of the {@code count} segments of {@code path[0, end)}, or {@code null} if one is empty. */
    static int @Nullable [] bounds(String path, int end, int count) {
        if (count == 0) {
            return ROOT;
        }
        int[] bounds = new int[count + 1];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (path.charAt(i) == '/') {
                if (n > 0 && i - bounds[n - 1] == 1) {
                    return null;
                }
                bounds[n++] = i;
            }
        }
        bounds[count] = end;
        return end - bounds[count - 1] == 1 ? null : bounds;
    }
}
