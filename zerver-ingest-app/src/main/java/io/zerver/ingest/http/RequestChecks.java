package io.zerver.ingest.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.ContentLengthNotAllowedException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.TransferEncodingNotAllowedException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks a request head must pass before its body is read (docs/deployment.md). Netty's own header
 * validation is off in the ingest's decoder so that these name the reason.
 */
final class RequestChecks {

    private static final boolean[] TCHAR = new boolean[128];
    private static final boolean[] URI_CHAR = new boolean[128];
    private static final boolean[] HOST_CHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = URI_CHAR[c] = HOST_CHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = URI_CHAR[c] = HOST_CHAR[c] = true;
            TCHAR[c - 32] = URI_CHAR[c - 32] = HOST_CHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        // RFC 3986 unreserved, sub-delims, ':', '@', '/', '?' and '%' (escapes checked apart)
        for (char c : "-._~!$&'()*+,;=:@/?%".toCharArray()) {
            URI_CHAR[c] = true;
        }
        // reg-name or IP literal, and a port; no '%': Spring's URI of the request must parse
        for (char c : "-._~!$&'()*+,;=:[]".toCharArray()) {
            HOST_CHAR[c] = true;
        }
    }

    private RequestChecks() {
    }

    /** Why a head the decoder could not parse is rejected. */
    static Rejection ofDecoderFailure(DecoderResult result, HttpRequest partial) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return Rejection.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Rejection.HEADERS_TOO_LARGE;
        }
        if (cause instanceof ContentLengthNotAllowedException) {
            return Rejection.CONTENT_LENGTH_WITH_TRANSFER_ENCODING;
        }
        if (cause instanceof TransferEncodingNotAllowedException) {
            return Rejection.TRANSFER_ENCODING_IN_HTTP_1_0;
        }
        // The decoder keeps the headers it parsed before failing (Content-Length rules run last).
        Rejection framing = framing(partial.headers(), partial.protocolVersion());
        return framing != null ? framing : Rejection.MALFORMED;
    }

    /** Why a well-parsed head is rejected, or null when it may go on. */
    static @Nullable Rejection check(HttpRequest request, IngestLimits limits) {
        HttpVersion version = request.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            return Rejection.UNSUPPORTED_VERSION;
        }
        String uri = request.uri();
        if (uri.length() > limits.maxUriLength()) {
            return Rejection.URI_TOO_LONG;
        }
        if (!isOriginForm(uri)) {
            return Rejection.INVALID_URI;
        }
        HttpHeaders headers = request.headers();
        if (headers.size() > limits.maxHeaderCount()) {
            return Rejection.TOO_MANY_HEADERS;
        }
        Iterator<Map.Entry<CharSequence, CharSequence>> lines = headers.iteratorCharSequence();
        while (lines.hasNext()) {
            Map.Entry<CharSequence, CharSequence> line = lines.next();
            if (!isToken(line.getKey()) || !isFieldValue(line.getValue())) {
                return Rejection.INVALID_HEADER_CHARACTER;
            }
        }
        Rejection framing = framing(headers, request.protocolVersion());
        if (framing != null) {
            return framing;
        }
        if (!hasValidHost(headers, request.protocolVersion())) {
            return Rejection.INVALID_HOST;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && Long.parseLong(length.trim()) > limits.maxBodyBytes()) {
            return Rejection.BODY_TOO_LARGE;
        }
        return null;
    }

    /** Content-Length and Transfer-Encoding: one valid length, or one {@code chunked}, never both. */
    private static @Nullable Rejection framing(HttpHeaders headers, HttpVersion version) {
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (lengths.size() > 1 || (lengths.size() == 1 && !isDigits(lengths.get(0).trim()))) {
            return Rejection.INVALID_CONTENT_LENGTH;
        }
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (codings.isEmpty()) {
            return null;
        }
        if (!lengths.isEmpty()) {
            return Rejection.CONTENT_LENGTH_WITH_TRANSFER_ENCODING;
        }
        if (!version.equals(HttpVersion.HTTP_1_1)) {
            return Rejection.TRANSFER_ENCODING_IN_HTTP_1_0;
        }
        if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
            return Rejection.UNKNOWN_TRANSFER_CODING;
        }
        return null;
    }

    private static boolean hasValidHost(HttpHeaders headers, HttpVersion version) {
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return !version.equals(HttpVersion.HTTP_1_1);
        }
        if (hosts.size() > 1) {
            return false;
        }
        String host = hosts.get(0).trim();
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 128 || !HOST_CHAR[c]) {
                return false;
            }
        }
        return true;
    }

    static boolean isOriginForm(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c >= 128 || !URI_CHAR[c]) {
                return false;
            }
            if (c == '%' && (i + 2 >= uri.length() || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(CharSequence name) {
        if (name.length() == 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 §5.5: visible characters, spaces, tabs and obs-text; no other control character. */
    private static boolean isFieldValue(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
