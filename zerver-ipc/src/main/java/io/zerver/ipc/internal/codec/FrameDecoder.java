package io.zerver.ipc.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.zerver.ipc.LinkProtocolException;
import java.util.List;

/**
 * Cuts the inbound byte stream into frames. Emits one {@link io.zerver.ipc.Frame} per complete
 * frame, or a single {@link LinkProtocolException} for the first malformed one, after which it
 * discards every further byte: the connection's handler answers the error and closes.
 *
 * <p>The length field is checked against the limit as soon as its four bytes are in, so a
 * length claiming gigabytes is refused before a byte of its payload is buffered; the buffer
 * never holds more than one frame of at most {@code maxFrameBytes} plus what one read brought.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameBytes;

    private boolean failed;

    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: > 0)");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameCodec.LENGTH_FIELD_BYTES) {
            return;
        }
        try {
            long length = in.getUnsignedInt(in.readerIndex());
            FrameCodec.checkLength(length, maxFrameBytes);
            if (in.readableBytes() < FrameCodec.LENGTH_FIELD_BYTES + length) {
                return;
            }
            in.skipBytes(FrameCodec.LENGTH_FIELD_BYTES);
            out.add(FrameCodec.decodeBody(in.readSlice((int) length)));
        } catch (LinkProtocolException e) {
            fail(in, out, e);
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!failed && in.isReadable()) {
            fail(in, out, new LinkProtocolException("input ended inside a frame, " + in.readableBytes()
                    + " bytes into it"));
        }
    }

    private void fail(ByteBuf in, List<Object> out, LinkProtocolException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(e);
    }
}
