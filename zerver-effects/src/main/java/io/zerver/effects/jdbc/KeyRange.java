package io.zerver.effects.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * The key range of a prefix scan, in code point order: the order of UTF-8 bytes, which is
 * how SQLite's BINARY and PostgreSQL's "C" collations compare text. Java's
 * {@link String#compareTo} compares UTF-16 units instead, so it is not used here.
 */
final class KeyRange {

    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

    private KeyRange() {
    }

    /**
     * The smallest string greater than every string starting with {@code prefix}, or null
     * when there is none (an empty prefix, or one made only of U+10FFFF).
     */
    static @Nullable String upperBound(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int last = prefix.codePointBefore(end);
            int start = end - Character.charCount(last);
            if (last < MAX_CODE_POINT) {
                int next = last + 1;
                if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                    next = Character.MAX_SURROGATE + 1;
                }
                return new StringBuilder(start + 2).append(prefix, 0, start).appendCodePoint(next).toString();
            }
            end = start;
        }
        return null;
    }

    /** Compares by code point, as the database compares UTF-8 text. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
