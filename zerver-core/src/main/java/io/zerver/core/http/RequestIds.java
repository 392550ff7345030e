package io.zerver.core.http;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Request ids, one rule for every Zerver process: a client's {@code X-Request-Id} is kept when it
 * is well formed, else replaced by a generated one.
 */
public final class RequestIds {

    /** The header a request id travels in, both ways. */
    public static final String HEADER = "X-Request-Id";

    /** The longest id a client may offer. */
    public static final int MAX_LENGTH = 128;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private RequestIds() {
    }

    /** Whether a client-supplied id may be trusted: 1 to 128 of {@code [A-Za-z0-9._:-]}. */
    public static boolean isWellFormed(@Nullable CharSequence id) {
        if (id == null || id.length() == 0 || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 22 URL-safe characters from 128 random bits. */
    public static String generate(RandomGenerator random) {
        long hi = random.nextLong();
        long lo = random.nextLong();
        byte[] out = new byte[22]; // ASCII: a Latin-1 string copies the bytes, no char[] to compress
        for (int i = 0; i < 11; i++) {
            out[i] = (byte) ALPHABET[(int) (hi & 63)];
            hi >>>= 6;
            out[11 + i] = (byte) ALPHABET[(int) (lo & 63)];
            lo >>>= 6;
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
