package io.zerver.ingest.http;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Request ids, by the engine's rule (zerver-core keeps its copy package-private): a client's
 * {@code X-Request-Id} is kept when it is 1 to 128 of {@code [A-Za-z0-9._:-]}, else replaced by
 * 22 URL-safe characters from 128 random bits.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 128;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private RequestIds() {
    }

    static boolean isWellFormed(@Nullable CharSequence id) {
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

    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = random.nextLong();
        long lo = random.nextLong();
        char[] out = new char[22];
        for (int i = 0; i < 11; i++) {
            out[i] = ALPHABET[(int) (hi & 63)];
            hi >>>= 6;
            out[11 + i] = ALPHABET[(int) (lo & 63)];
            lo >>>= 6;
        }
        return new String(out);
    }
}
