package io.zerver.ipc.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.zerver.ipc.Header;
import io.zerver.ipc.LinkProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one frame's payload from a buffer that holds exactly that payload. Every
 * read checks the bytes that remain first, so a length or count that claims more than the frame
 * holds fails before anything is allocated for it.
 */
final class WireReader {

    /** The fewest bytes one header can take: two empty length-prefixed strings. */
    private static final int MIN_HEADER_BYTES = 2 + 4;

    private final ByteBuf in;
    private final String frame;

    WireReader(ByteBuf in, String frame) {
        this.in = in;
        this.frame = frame;
    }

    int u8(String field) {
        need(1, field);
        return in.readUnsignedByte();
    }

    int u16(String field) {
        need(2, field);
        return in.readUnsignedShort();
    }

    long u32(String field) {
        need(4, field);
        return in.readUnsignedInt();
    }

    long i64(String field) {
        need(8, field);
        return in.readLong();
    }

    String str16(String field) {
        return text(u16(field + " length"), field);
    }

    String str32(String field) {
        return text(u32(field + " length"), field);
    }

    byte[] bytes32(String field) {
        long length = u32(field + " length");
        need(length, field);
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    List<Header> headers() {
        int count = u16("header count");
        if ((long) count * MIN_HEADER_BYTES > in.readableBytes()) {
            throw malformed(count + " headers cannot fit in the " + in.readableBytes() + " bytes left");
        }
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = str16("header name");
            String value = str32("header value");
            headers.add(new Header(name, value));
        }
        return headers;
    }

    /** Checks that the payload has been read to its last byte. */
    void end() {
        if (in.isReadable()) {
            throw malformed(in.readableBytes() + " bytes after the last field");
        }
    }

    LinkProtocolException malformed(String what) {
        return new LinkProtocolException(frame + ": " + what);
    }

    private String text(long length, String field) {
        need(length, field);
        int index = in.readerIndex();
        int len = (int) length;
        String text;
        if (ByteBufUtil.isText(in, index, len, StandardCharsets.US_ASCII)) {
            text = in.toString(index, len, StandardCharsets.ISO_8859_1);
        } else if (ByteBufUtil.isText(in, index, len, StandardCharsets.UTF_8)) {
            text = in.toString(index, len, StandardCharsets.UTF_8);
        } else {
            throw malformed(field + " is not valid UTF-8");
        }
        in.skipBytes(len);
        return text;
    }

    private void need(long bytes, String field) {
        if (bytes > in.readableBytes()) {
            throw malformed(field + " needs " + bytes + " bytes, " + in.readableBytes() + " left");
        }
    }
}
