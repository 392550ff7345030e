package io.zerver.ipc.internal.codec;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.zerver.ipc.Drain;
import io.zerver.ipc.ErrorCode;
import io.zerver.ipc.ErrorFrame;
import io.zerver.ipc.Frame;
import io.zerver.ipc.Hello;
import io.zerver.ipc.LinkProtocolException;
import io.zerver.ipc.Ping;
import io.zerver.ipc.Pong;
import io.zerver.ipc.RequestFrame;
import io.zerver.ipc.ResponseFrame;

/**
 * The protocol on the wire ({@link io.zerver.ipc.Hello#CURRENT_VERSION}): {@code u32 length, u8 type, payload}, where the length counts
 * the type byte and the payload. The layout of each payload is in {@code docs/ipc-protocol.md}.
 */
public final class FrameCodec {

    /** The default largest value of the length field: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /**
     * The largest limit an end may set on the length field: a frame is read into one array, and
     * the JVM makes none larger.
     */
    public static final int LARGEST_MAX_FRAME_BYTES = Integer.MAX_VALUE - 8;

    /** The size of the length prefix. */
    public static final int LENGTH_FIELD_BYTES = 4;

    /** The handshake's magic, {@code "ZRVR"}. */
    static final int HELLO_MAGIC = 0x5A52_5652;

    private FrameCodec() {
    }

    /**
     * The value of the length field for {@code frame}: its type byte plus its payload.
     *
     * @throws LinkProtocolException when the frame has no wire form (a lone surrogate in a
     *     string, a string or header count beyond its field's range)
     */
    public static long frameLength(Frame frame) {
        requireNonNull(frame, "frame");
        return 1 + payloadSize(frame);
    }

    /**
     * Encodes {@code frame}, length prefix included, into a buffer of exactly its size.
     *
     * @throws LinkProtocolException when the frame has no wire form or its length would exceed
     *     {@code maxFrameBytes}; nothing is allocated then
     */
    public static ByteBuf encode(Frame frame, ByteBufAllocator allocator, int maxFrameBytes) {
        long length = frameLength(frame);
        if (length > maxFrameBytes) {
            throw new LinkProtocolException(FrameType.of(frame).name().toLowerCase() + " frame of " + length
                    + " bytes exceeds the peer's limit of " + maxFrameBytes);
        }
        ByteBuf out = allocator.buffer(LENGTH_FIELD_BYTES + (int) length);
        try {
            out.writeInt((int) length);
            out.writeByte(FrameType.of(frame).wire());
            writePayload(frame, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Encodes {@code frame} to a byte array, with no limit (tests, tools). */
    public static byte[] encode(Frame frame) {
        ByteBuf buf = encode(frame, UnpooledByteBufAllocator.DEFAULT, Integer.MAX_VALUE);
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    /**
     * Decodes exactly one frame, length prefix included, from all of {@code bytes}.
     *
     * @throws LinkProtocolException when the bytes are not exactly one well-formed frame
     */
    public static Frame decode(byte[] bytes, int maxFrameBytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        if (in.readableBytes() < LENGTH_FIELD_BYTES) {
            throw new LinkProtocolException("frame: " + in.readableBytes() + " bytes, shorter than the length field");
        }
        long length = in.readUnsignedInt();
        checkLength(length, maxFrameBytes);
        if (length != in.readableBytes()) {
            throw new LinkProtocolException("frame: length field says " + length + " bytes, "
                    + in.readableBytes() + " follow");
        }
        return decodeBody(in);
    }

    /** Rejects a length field before anything is allocated for it. */
    static void checkLength(long length, int maxFrameBytes) {
        if (length > maxFrameBytes) {
            throw new LinkProtocolException("frame length " + length + " exceeds the limit of " + maxFrameBytes);
        }
        if (length < 1) {
            throw new LinkProtocolException("frame length 0 leaves no room for the type byte");
        }
    }

    /** Decodes a type byte and the payload that fills the rest of {@code in}. */
    static Frame decodeBody(ByteBuf in) {
        int wire = in.readUnsignedByte();
        FrameType type = FrameType.fromWire(wire);
        if (type == null) {
            throw new LinkProtocolException("unknown frame type 0x" + Integer.toHexString(wire));
        }
        WireReader r = new WireReader(in, type.name().toLowerCase());
        try {
            return decodePayload(type, r);
        } catch (IllegalArgumentException e) {
            throw r.malformed(e.getMessage());
        }
    }

    private static Frame decodePayload(FrameType type, WireReader r) {
        switch (type) {
            case HELLO: {
                long magic = r.u32("magic");
                if (magic != HELLO_MAGIC) {
                    throw r.malformed("magic 0x" + Long.toHexString(magic) + " (expected: 0x5a525652, \"ZRVR\")");
                }
                int version = r.u16("version");
                long max = r.u32("max frame bytes");
                if (max > Integer.MAX_VALUE) {
                    throw r.malformed("max frame bytes " + max + " (expected: <= " + Integer.MAX_VALUE + ")");
                }
                // No end(): a later version may append fields, and an older peer must still be
                // able to read the version and answer with a clear protocol error.
                return new Hello(version, (int) max);
            }
            case REQUEST: {
                RequestFrame frame = new RequestFrame(r.i64("id"), r.str16("method"), r.str32("target"), r.headers(),
                        r.bytes32("body"), r.address("client address"), r.instant("arrival"), r.instant("deadline"));
                r.end();
                return frame;
            }
            case RESPONSE: {
                ResponseFrame frame = new ResponseFrame(r.i64("id"), r.u16("status"), r.headers(), r.bytes32("body"),
                        r.i64("processing micros"));
                r.end();
                return frame;
            }
            case ERROR: {
                ErrorFrame frame = new ErrorFrame(r.i64("id"), ErrorCode.fromWire(r.u8("code")), r.str32("message"));
                r.end();
                return frame;
            }
            case PING: {
                Ping ping = new Ping(r.i64("nonce"));
                r.end();
                return ping;
            }
            case PONG: {
                Pong pong = new Pong(r.i64("nonce"));
                r.end();
                return pong;
            }
            case DRAIN: {
                r.end();
                return new Drain();
            }
            default:
                throw new IllegalStateException("type " + type);
        }
    }

    private static long payloadSize(Frame frame) {
        if (frame instanceof RequestFrame q) {
            return 8 + WireWriter.str16Size(q.method(), "method") + WireWriter.str32Size(q.target(), "target")
                    + WireWriter.headersSize(q.headers()) + 4 + q.body().length
                    + WireWriter.addressSize(q.clientAddress()) + 8 + 8;
        }
        if (frame instanceof ResponseFrame s) {
            return 8 + 2 + WireWriter.headersSize(s.headers()) + 4 + s.body().length + 8;
        }
        if (frame instanceof ErrorFrame e) {
            return 8 + 1 + WireWriter.str32Size(e.message(), "message");
        }
        if (frame instanceof Ping || frame instanceof Pong) {
            return 8;
        }
        if (frame instanceof Hello h) {
            if (h.version() > WireWriter.U16_MAX) {
                throw new LinkProtocolException("version: " + h.version() + " (expected: <= " + WireWriter.U16_MAX + ")");
            }
            return 4 + 2 + 4;
        }
        if (frame instanceof Drain) {
            return 0;
        }
        throw new IllegalArgumentException("frame: " + frame.getClass().getName() + " (expected: a known frame)");
    }

    private static void writePayload(Frame frame, ByteBuf out) {
        if (frame instanceof RequestFrame q) {
            out.writeLong(q.id());
            WireWriter.str16(out, q.method());
            WireWriter.str32(out, q.target());
            WireWriter.headers(out, q.headers());
            WireWriter.bytes32(out, q.body());
            WireWriter.address(out, q.clientAddress());
            out.writeLong(q.arrival().toEpochMilli());
            out.writeLong(q.deadline().toEpochMilli());
        } else if (frame instanceof ResponseFrame s) {
            out.writeLong(s.id());
            out.writeShort(s.status());
            WireWriter.headers(out, s.headers());
            WireWriter.bytes32(out, s.body());
            out.writeLong(s.processingMicros());
        } else if (frame instanceof ErrorFrame e) {
            out.writeLong(e.id());
            out.writeByte(e.code().wire());
            WireWriter.str32(out, e.message());
        } else if (frame instanceof Ping p) {
            out.writeLong(p.nonce());
        } else if (frame instanceof Pong p) {
            out.writeLong(p.nonce());
        } else if (frame instanceof Hello h) {
            out.writeInt(HELLO_MAGIC);
            out.writeShort(h.version());
            out.writeInt(h.maxFrameBytes());
        }
    }
}
