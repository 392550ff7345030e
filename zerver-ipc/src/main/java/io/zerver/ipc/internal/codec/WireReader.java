package io.zerver.ipc.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.zerver.ipc.Header;
import io.zerver.ipc.LinkProtocolException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /** The address field; an unknown family is malformed, and so is an address cut short. */
    @Nullable InetSocketAddress address(String field) {
        int family = u8(field + " family");
        int size;
        if (family == WireWriter.ADDRESS_UNKNOWN) {
            return null;
        } else if (family == WireWriter.ADDRESS_IPV4) {
            size = 4;
        } else if (family == WireWriter.ADDRESS_IPV6) {
            size = 16;
        } else {
            throw malformed(field + " family " + family + " (expected: 0, 4 or 6)");
        }
        need(size + 2L, field);
        byte[] ip = new byte[size];
        in.readBytes(ip);
        int port = in.readUnsignedShort();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw malformed(field + ": " + e.getMessage());
        }
    }

    /** An {@code i64} of epoch milliseconds. */
    Instant instant(String field) {
        return Instant.ofEpochMilli(i64(field));
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
