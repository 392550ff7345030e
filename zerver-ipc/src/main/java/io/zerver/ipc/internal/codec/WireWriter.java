package io.zerver.ipc.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.zerver.ipc.Header;
import io.zerver.ipc.LinkProtocolException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sizes and writes the fields of a payload. Sizing comes first and validates everything
 * (string lengths, counts, well-formed UTF-16), so writing never fails half way.
 */
final class WireWriter {

    static final int U16_MAX = 0xFFFF;
    static final long U32_MAX = 0xFFFF_FFFFL;
    /** The address field's family byte: no address, IPv4 (4 bytes follow), IPv6 (16 bytes follow). */
    static final int ADDRESS_UNKNOWN = 0;
    static final int ADDRESS_IPV4 = 4;
    static final int ADDRESS_IPV6 = 6;

    private WireWriter() {
    }

    /** The UTF-8 length of {@code text}; a lone surrogate has no UTF-8 form and is rejected. */
    static int utf8Length(String text, String field) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new LinkProtocolException(field + " holds a lone surrogate at index " + i);
            } else {
                length += 3;
            }
        }
        return length;
    }

    static long str16Size(String text, String field) {
        int length = utf8Length(text, field);
        if (length > U16_MAX) {
            throw new LinkProtocolException(field + ": " + length + " bytes (expected: <= " + U16_MAX + ")");
        }
        return 2L + length;
    }

    static long str32Size(String text, String field) {
        return 4L + utf8Length(text, field);
    }

    static long headersSize(List<Header> headers) {
        if (headers.size() > U16_MAX) {
            throw new LinkProtocolException("header count: " + headers.size() + " (expected: <= " + U16_MAX + ")");
        }
        long size = 2;
        for (Header header : headers) {
            size += str16Size(header.name(), "header name") + str32Size(header.value(), "header value");
        }
        return size;
    }

    /** The address field: a family byte, then for a known address its IP bytes and port. */
    static long addressSize(@Nullable InetSocketAddress address) {
        if (address == null) {
            return 1;
        }
        return 1 + (address.getAddress() instanceof Inet4Address ? 4 : 16) + 2;
    }

    static void address(ByteBuf out, @Nullable InetSocketAddress address) {
        if (address == null) {
            out.writeByte(ADDRESS_UNKNOWN);
            return;
        }
        InetAddress ip = address.getAddress();
        out.writeByte(ip instanceof Inet4Address ? ADDRESS_IPV4 : ADDRESS_IPV6);
        out.writeBytes(ip.getAddress());
        out.writeShort(address.getPort());
    }

    static void str16(ByteBuf out, String text) {
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int length = ByteBufUtil.writeUtf8(out, text);
        out.setShort(lengthIndex, length);
    }

    static void str32(ByteBuf out, String text) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int length = ByteBufUtil.writeUtf8(out, text);
        out.setInt(lengthIndex, length);
    }

    static void bytes32(ByteBuf out, byte[] bytes) {
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    static void headers(ByteBuf out, List<Header> headers) {
        out.writeShort(headers.size());
        for (Header header : headers) {
            str16(out, header.name());
            str32(out, header.value());
        }
    }
}
