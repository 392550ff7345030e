package io.zerver.samples.blog;

import static java.util.Objects.requireNonNull;

import io.zerver.core.http.Headers;
import io.zerver.core.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of the feature's own jar served as it is, with a content hash that names its version.
 *
 * <p>Why it is read once, when the feature's configuration builds its routes, and not through
 * an effect on each request: the bytes are part of the feature version's code, like a
 * constant compiled into a class. They come from the feature's own class loader, never change
 * while that version serves (a changed jar is a new version, with new routes), and cannot
 * fail once read. So the step that answers with them stays pure (the same request gives the
 * same answer), no request pays for I/O, and a jar that lacks them fails to load, where the
 * failure is seen, instead of answering 500 later.
 *
 * @param bytes the content
 * @param contentType the {@code Content-Type} to answer with
 * @param hash a short hash of the content: its version, for cache-busting URLs and the ETag
 */
record StaticAsset(byte[] bytes, String contentType, String hash) {

    /** The content is addressed by its hash: a cache may keep it as long as it likes. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    StaticAsset {
        requireNonNull(bytes, "bytes");
        requireNonNull(contentType, "contentType");
        requireNonNull(hash, "hash");
    }

    /**
     * Reads {@code name}, relative to {@code anchor}'s package, from {@code anchor}'s class loader.
     *
     * @throws IllegalStateException when it is not there: the jar is incomplete
     */
    static StaticAsset load(Class<?> anchor, String name, String contentType) {
        byte[] bytes;
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " next to " + anchor.getName()
                        + " is missing (expected: packaged into the feature jar by the build)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + name + " next to " + anchor.getName(), e);
        }
        return new StaticAsset(bytes, contentType, HexFormat.of().formatHex(sha256(bytes), 0, 6));
    }

    /** The ETag, strong: the bytes never change for a hash. */
    String etag() {
        return "\"" + hash + "\"";
    }

    /** 200 with the content, or 304 when {@code ifNoneMatch} names it already. */
    Response answer(String ifNoneMatch) {
        if (matches(ifNoneMatch)) {
            return Response.status(304).withHeader("ETag", etag()).withHeader("Cache-Control", CACHE_CONTROL);
        }
        return new Response(200, Headers.of("Content-Type", contentType), bytes)
                .withHeader("ETag", etag())
                .withHeader("Cache-Control", CACHE_CONTROL)
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    private boolean matches(String ifNoneMatch) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag()) || t.equals("W/" + etag())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
