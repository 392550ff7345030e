package io.zerver.observation;

import static java.util.Objects.requireNonNull;

import io.micrometer.observation.Observation;
import io.zerver.core.error.ZerverError;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a request while it is observed: its method, path and id from the
 * start; its route once routed; its error and status once answered.
 */
public class ZerverRequestContext extends Observation.Context {

    private final String method;
    private final String path;
    private final String requestId;
    private @Nullable String route;
    private @Nullable ZerverError error;
    private int status;

    public ZerverRequestContext(String method, String path, String requestId, @Nullable String route) {
        this.method = requireNonNull(method, "method");
        this.path = requireNonNull(path, "path");
        this.requestId = requireNonNull(requestId, "requestId");
        this.route = route;
    }

    /** The request method, as sent. */
    public String method() {
        return method;
    }

    /** The raw request path: high cardinality. */
    public String path() {
        return path;
    }

    public String requestId() {
        return requestId;
    }

    /** The matched route pattern, or null before routing or when nothing matched. */
    public @Nullable String route() {
        return route;
    }

    void route(@Nullable String pattern) {
        this.route = pattern;
    }

    /** The error the request failed with, or null. */
    public @Nullable ZerverError error() {
        return error;
    }

    void error(ZerverError failure) {
        this.error = failure;
    }

    /** The status answered, or 0 while running. */
    public int status() {
        return status;
    }

    void status(int answered) {
        this.status = answered;
    }
}
