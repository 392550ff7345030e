package io.zerver.ingest.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits before the HTTP decoder and notes when bytes arrive: when a request started arriving and
 * when the client last sent anything. The decoder shows nothing of a head until it is whole, so
 * the {@link RequestGuard} needs this to cut a slow head. Event loop only.
 */
final class ReadClock extends ChannelInboundHandlerAdapter {

    private final Runnable onFirstByte;
    private boolean receiving;
    private long startNanos;
    private long lastReadNanos;

    ReadClock(Runnable onFirstByte) {
        this.onFirstByte = onFirstByte;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            long now = System.nanoTime();
            lastReadNanos = now;
            if (!receiving) {
                receiving = true;
                startNanos = now;
                onFirstByte.run();
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether part of a request has arrived and its last byte has not. */
    boolean receiving() {
        return receiving;
    }

    long startNanos() {
        return startNanos;
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    /** The request being received is complete: the next byte starts the next one. */
    void requestReceived() {
        receiving = false;
    }

    /** The guard held the client back (its earlier answer was pending): its silence so far is ours. */
    void restart() {
        long now = System.nanoTime();
        startNanos = now;
        lastReadNanos = now;
    }
}
