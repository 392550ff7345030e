package io.zerver.core.route;

import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.schedule.Priority;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One registered route or flow: its method, its pattern, the pipeline that serves it and
 * its deadline. Built by {@link RouteTable.Builder}.
 */
public final class Route {

    private final String method;
    private final RoutePattern pattern;
    private final Pipeline pipeline;
    private final @Nullable Duration timeout;
    private final Priority priority;
    private final boolean priorityHeader;
    private final boolean flow;
    private final String name;
    /** Position in declaration order, the last tie-breaker of precedence. */
    private final int order;

    Route(String method, RoutePattern pattern, Pipeline pipeline, RouteSpec spec, boolean flow, int order) {
        this.method = method;
        this.pattern = pattern;
        this.pipeline = pipeline;
        this.timeout = spec.timeoutOrNull();
        this.priority = spec.priorityClass();
        this.priorityHeader = spec.priorityHeaderAllowed();
        this.flow = flow;
        this.name = name(method, pattern.pattern());
        this.order = order;
    }

    static String name(String method, String pattern) {
        return method + " " + pattern;
    }

    /** The method in upper case, {@code GET}. */
    public String method() {
        return method;
    }

    /** The pattern, {@code /todos/:id}; for a flow the full path, {@code /flow/v1/<slug>}. */
    public String pattern() {
        return pattern.pattern();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The route's deadline, or {@code null} for the engine default. */
    public @Nullable Duration timeout() {
        return timeout;
    }

    /** The priority class of the route's step jobs. Default interactive. */
    public Priority priority() {
        return priority;
    }

    /** Whether a request may lower its priority with the {@code X-Zerver-Priority} header. */
    public boolean priorityHeaderAllowed() {
        return priorityHeader;
    }

    /** Whether this is a flow mounted under {@code /flow/v1/}. */
    public boolean isFlow() {
        return flow;
    }

    /** {@code method + " " + pattern}, the name of the pipeline: {@code GET /todos/:id}. */
    public String name() {
        return name;
    }

    RoutePattern compiledPattern() {
        return pattern;
    }

    int order() {
        return order;
    }

    @Override
    public String toString() {
        return name;
    }
}
