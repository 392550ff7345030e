package io.zerver.effects.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A response body collected chunk by chunk up to a cap. Appending past the cap throws
 * {@code response_too_large} at once, so the reader stops (and the connection is closed)
 * instead of buffering the rest. Not thread-safe: one reader appends in order.
 */
final class BoundedBody {

    private static final byte[] EMPTY = new byte[0];
    private static final int INITIAL_CAPACITY = 1024;

    private final long max;
    private byte[] bytes;
    private int size;

    /**
     * @param max the largest body accepted, in bytes
     * @param expected the declared Content-Length, or a negative number when unknown
     */
    BoundedBody(long max, long expected) {
        this.max = max;
        this.bytes = expected > 0 && expected <= max ? new byte[(int) expected] : EMPTY;
    }

    /** Copies {@code chunk}'s readable bytes (the caller keeps ownership of it). */
    BoundedBody append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if (size + (long) n > max) {
            throw HttpFailures.responseTooLarge();
        }
        if (size + n > bytes.length) {
            grow(size + n);
        }
        chunk.getBytes(chunk.readerIndex(), bytes, size, n);
        size += n;
        return this;
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void grow(int needed) {
        long doubled = Math.max((long) bytes.length * 2, INITIAL_CAPACITY);
        int capacity = (int) Math.min(Math.max(doubled, needed), max);
        bytes = Arrays.copyOf(bytes, capacity);
    }
}
