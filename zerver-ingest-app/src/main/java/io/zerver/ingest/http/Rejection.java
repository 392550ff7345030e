package io.zerver.ingest.http;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;

/**
 * Why the ingest answered a request itself instead of forwarding it. Each answers with its status
 * and the engine's error body, is counted under its {@link #reason()}, and closes the connection.
 * The engine's kinds have no 408, 414, 431, 501 or 505: those answer as {@code InvalidInput} with
 * the precise status.
 */
enum Rejection {
    /** A control character (or a non-token character in a name) in a header line. */
    INVALID_HEADER_CHARACTER(400, ErrorKind.INVALID_INPUT, "header", "invalid_character"),
    /** Content-Length repeated, comma-separated, negative or not a number. */
    INVALID_CONTENT_LENGTH(400, ErrorKind.INVALID_INPUT, "content_length", "invalid"),
    /** Content-Length and Transfer-Encoding together (RFC 9112 §6.1: close after it). */
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(400, ErrorKind.INVALID_INPUT, "transfer_encoding", "with_content_length"),
    /** Transfer-Encoding on an HTTP/1.0 request (RFC 9112 §6.1: faulty framing). */
    TRANSFER_ENCODING_IN_HTTP_1_0(400, ErrorKind.INVALID_INPUT, "transfer_encoding", "http_1_0"),
    /** A transfer coding other than a single {@code chunked}. */
    UNKNOWN_TRANSFER_CODING(501, ErrorKind.INVALID_INPUT, "transfer_encoding", "unsupported"),
    /** A request target longer than the limit. */
    URI_TOO_LONG(414, ErrorKind.INVALID_INPUT, "uri", "too_long"),
    /** A request target that is not an origin-form path and query of URI characters. */
    INVALID_URI(400, ErrorKind.INVALID_INPUT, "uri", "invalid"),
    /** A missing, repeated or malformed Host header. */
    INVALID_HOST(400, ErrorKind.INVALID_INPUT, "host", "invalid"),
    /** A header block larger than the limit. */
    HEADERS_TOO_LARGE(431, ErrorKind.INVALID_INPUT, "headers", "too_large"),
    /** More header lines than the limit. */
    TOO_MANY_HEADERS(431, ErrorKind.INVALID_INPUT, "headers", "too_many"),
    /** A body larger than the limit, declared or counted. */
    BODY_TOO_LARGE(413, ErrorKind.PAYLOAD_TOO_LARGE, "body", "too_large"),
    /** A version other than HTTP/1.0 and HTTP/1.1 (the decoder takes any well-formed HTTP/x.y). */
    UNSUPPORTED_VERSION(505, ErrorKind.INVALID_INPUT, "version", "unsupported"),
    /** A request the HTTP decoder could not parse (request line, chunk framing, version). */
    MALFORMED(400, ErrorKind.INVALID_INPUT, "request", "malformed"),
    /** A request that arrived too slowly: head, body silence, or past its deadline. */
    READ_TIMEOUT(408, ErrorKind.INVALID_INPUT, "request", "read_timeout");

    private final int status;
    private final ZerverError error;
    private final String reason;

    Rejection(int status, ErrorKind kind, String what, String key) {
        this.status = status;
        this.error = ZerverError.of(kind, what, key);
        this.reason = name().toLowerCase(java.util.Locale.ROOT);
    }

    int status() {
        return status;
    }

    ZerverError error() {
        return error;
    }

    /** The tag value in the rejections counter. */
    String reason() {
        return reason;
    }
}
