package io.zerver.ingest.http;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.ipc.ErrorCode;

/** What the client sees when the supervisor answers with an error frame instead of a response. */
final class LinkErrors {

    private static final ZerverError TIMEOUT = ZerverError.of(ErrorKind.TIMEOUT, "supervisor", "timeout");
    private static final ZerverError FEATURE_CRASH =
            ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "feature", "crash");
    private static final ZerverError ROUTE_NOT_FOUND = ZerverError.of(ErrorKind.NOT_FOUND, "route", "not_found");
    private static final ZerverError INTERNAL = ZerverError.of(ErrorKind.INTERNAL, "supervisor", "internal");
    private static final ZerverError OVERLOADED = ZerverError.of(ErrorKind.OVERLOADED, "supervisor", "overloaded");
    private static final ZerverError PROTOCOL = ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, "link", "protocol");

    private LinkErrors() {
    }

    /** TIMEOUT 504, ROUTE_NOT_FOUND 404, OVERLOADED 503 (with Retry-After), FEATURE_CRASH 502, INTERNAL 500, PROTOCOL 502. */
    static ZerverError of(ErrorCode code) {
        return switch (code) {
            case TIMEOUT -> TIMEOUT;
            case FEATURE_CRASH -> FEATURE_CRASH;
            case ROUTE_NOT_FOUND -> ROUTE_NOT_FOUND;
            case INTERNAL -> INTERNAL;
            case OVERLOADED -> OVERLOADED;
            case PROTOCOL -> PROTOCOL;
        };
    }
}
