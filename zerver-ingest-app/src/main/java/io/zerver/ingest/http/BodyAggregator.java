package io.zerver.ingest.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * The body of the request being received, gathered up to its limit without copying (the chunks
 * are kept as they arrived), then copied once into the array the link frame carries. Event loop
 * only.
 */
final class BodyAggregator {

    private static final byte[] NO_BODY = new byte[0];

    private final long maxBytes;
    private @Nullable CompositeByteBuf chunks;
    private long size;

    BodyAggregator(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Keeps {@code bytes} (retaining them) unless the body would exceed the limit; then keeps
     * nothing and answers false. The caller still owns its own reference.
     */
    boolean add(ByteBufAllocator alloc, ByteBuf bytes) {
        int readable = bytes.readableBytes();
        if (size + readable > maxBytes) {
            return false;
        }
        if (readable == 0) {
            return true;
        }
        CompositeByteBuf into = chunks;
        if (into == null) {
            into = alloc.compositeBuffer(Integer.MAX_VALUE);
            chunks = into;
        }
        into.addComponent(true, bytes.retain());
        size += readable;
        return true;
    }

    /** The whole body as one array, and a fresh start for the next request. */
    byte[] take() {
        CompositeByteBuf whole = chunks;
        chunks = null;
        size = 0;
        if (whole == null) {
            return NO_BODY;
        }
        try {
            return ByteBufUtil.getBytes(whole);
        } finally {
            whole.release();
        }
    }

    /** Drops what was gathered (a rejected or abandoned request). */
    void discard() {
        CompositeByteBuf partial = chunks;
        chunks = null;
        size = 0;
        if (partial != null) {
            partial.release();
        }
    }
}
