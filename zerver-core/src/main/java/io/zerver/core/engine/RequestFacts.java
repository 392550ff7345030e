package io.zerver.core.engine;

import io.zerver.core.http.Request;
import io.zerver.core.schedule.Priority;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a request when its pipeline starts: the request itself, its id, the
 * matched route and its parameters, and its priority class. Its query string and JSON body
 * are parsed on first use, once.
 *
 * <p>Read by the thread running the request's steps only, so the parsed values need no
 * synchronisation.
 */
final class RequestFacts {

    private final Request request;
    private final String requestId;
    private final String route;
    private final Map<String, String> params;
    private final Priority priority;
    private @Nullable Map<String, List<String>> query;
    private @Nullable Object json;

    RequestFacts(Request request, String requestId, String route, Map<String, String> params, Priority priority) {
        this.request = request;
        this.requestId = requestId;
        this.route = route;
        this.params = params;
        this.priority = priority;
    }

    Request request() {
        return request;
    }

    String requestId() {
        return requestId;
    }

    /** The matched route pattern. */
    String route() {
        return route;
    }

    Map<String, String> params() {
        return params;
    }

    Priority priority() {
        return priority;
    }

    /** The query parameters, decoded, in the order they came. */
    Map<String, List<String>> query() {
        Map<String, List<String>> q = query;
        if (q == null) {
            q = QueryParams.parse(request.rawQuery());
            query = q;
        }
        return q;
    }

    /** The body parsed as JSON, no deeper than {@code maxDepth}. */
    Object json(int maxDepth) {
        Object parsed = json;
        if (parsed == null) {
            parsed = JsonBody.parse(request.body(), maxDepth);
            json = parsed;
        }
        return parsed;
    }
}
