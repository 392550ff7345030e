package io.zerver.ingest.http;

import io.zerver.core.error.ErrorRenderer;
import io.zerver.core.error.ZerverError;
import io.zerver.core.http.RequestIds;
import io.zerver.core.http.Response;

/**
 * The ingest's own answers, in the engine's error shape ({@code {"error":{"kind","what","key","requestId"}}})
 * by the engine's renderer, with the precise status and {@code X-Request-Id}.
 */
final class ErrorResponses {

    private static final ErrorRenderer RENDERER = ErrorRenderer.json();

    private ErrorResponses() {
    }

    static Response render(ZerverError error, int status, String requestId) {
        Response rendered = RENDERER.render(error, requestId);
        Response response = rendered.status() == status ? rendered
                : new Response(status, rendered.headers(), rendered.body());
        return response.withOnlyHeader(RequestIds.HEADER, requestId);
    }

    static Response render(ZerverError error, String requestId) {
        return render(error, error.status(), requestId);
    }
}
