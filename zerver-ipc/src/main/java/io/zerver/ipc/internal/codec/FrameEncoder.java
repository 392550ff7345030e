package io.zerver.ipc.internal.codec;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.zerver.ipc.Frame;
import java.util.List;

/**
 * Encodes outbound frames. A frame larger than the peer accepts fails its own write (the
 * promise carries a {@link io.zerver.ipc.LinkProtocolException}) and leaves the connection up.
 */
public final class FrameEncoder extends MessageToMessageEncoder<Frame> {

    private volatile int peerMaxFrameBytes;

    /** An encoder that sends frames of up to {@code peerMaxFrameBytes} until told otherwise. */
    public FrameEncoder(int peerMaxFrameBytes) {
        super(Frame.class);
        peerMaxFrameBytes(peerMaxFrameBytes);
    }

    /** Sets the largest frame the peer accepts, as its {@link io.zerver.ipc.Hello} announced. */
    public void peerMaxFrameBytes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " (expected: > 0)");
        }
        this.peerMaxFrameBytes = max;
    }

    /** The largest frame the peer accepts. */
    public int peerMaxFrameBytes() {
        return peerMaxFrameBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        out.add(FrameCodec.encode(frame, ctx.alloc(), peerMaxFrameBytes));
    }
}
