package io.zerver.ipc.internal.codec;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;

/** An unpooled allocator that remembers the largest capacity anyone asked it for. */
final class CountingAllocator extends AbstractByteBufAllocator {

    private int largest;

    CountingAllocator() {
        super(false);
    }

    int largest() {
        return largest;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        largest = Math.max(largest, initialCapacity);
        return UnpooledByteBufAllocator.DEFAULT.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        largest = Math.max(largest, initialCapacity);
        return UnpooledByteBufAllocator.DEFAULT.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    @Override
    public ByteBuf buffer(int initialCapacity, int maxCapacity) {
        largest = Math.max(largest, initialCapacity);
        return super.buffer(initialCapacity, maxCapacity);
    }
}
