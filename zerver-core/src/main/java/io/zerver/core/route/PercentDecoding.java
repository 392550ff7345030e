package io.zerver.core.route;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding of path segments as UTF-8 ('+' stays '+'). */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes {@code path[from, to)}, the value of parameter {@code name}.
     *
     * @throws MalformedPathException on a truncated or non-hex escape, or bytes that are not UTF-8
     */
    static String decode(String name, String path, int from, int to) {
        int percent = path.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return path.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(path, from, percent);
        byte[] bytes = new byte[(to - percent) / 3];
        CharsetDecoder decoder = null;
        int i = percent;
        while (i < to) {
            char c = path.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int n = 0;
            while (i < to && path.charAt(i) == '%') {
                int hi = i + 2 < to ? hex(path.charAt(i + 1)) : -1;
                int lo = i + 2 < to ? hex(path.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedPathException("parameter '" + name + "': '" + path.substring(from, to)
                            + "' has a bad escape at '" + path.substring(i, Math.min(i + 3, to))
                            + "' (expected: '%' followed by two hex digits)");
                }
                bytes[n++] = (byte) ((hi << 4) | lo);
                i += 3;
            }
            if (decoder == null) {
                decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
            }
            out.append(utf8(decoder, bytes, n, name, path.substring(from, to)));
        }
        return out.toString();
    }

    private static CharBuffer utf8(CharsetDecoder decoder, byte[] bytes, int length, String name, String raw) {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length));
        }
        catch (CharacterCodingException ex) {
            throw new MalformedPathException("parameter '" + name + "': '" + raw
                    + "' does not decode (expected: percent-encoded UTF-8)");
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
