package io.zerver.core.route;

import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.schedule.Priority;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One registered route or flow: its method, its pattern, the pipeline that serves it and
 * its deadline. Built by {@link RouteTable.Builder}. A host may attach one value of its own
 * to a table's routes ({@link RouteTable#attach}), which a match then hands back with the
 * route ({@link #attachment(Class)}): the supervisor attaches the feature version that
 * declared the route.
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
    private final @Nullable Object attachment;

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
        this.attachment = null;
    }

    /** {@code base} at position {@code order} of another table, carrying {@code attachment}. */
    Route(Route base, int order, @Nullable Object attachment) {
        this.method = base.method;
        this.pattern = base.pattern;
        this.pipeline = base.pipeline;
        this.timeout = base.timeout;
        this.priority = base.priority;
        this.priorityHeader = base.priorityHeader;
        this.flow = base.flow;
        this.name = base.name;
        this.order = order;
        this.attachment = attachment;
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

    /**
     * What the host attached to this route ({@link RouteTable#attach}) if it is a {@code type},
     * else {@code null}.
     */
    public <T> @Nullable T attachment(Class<T> type) {
        return type.isInstance(attachment) ? type.cast(attachment) : null;
    }

    @Nullable Object attachment() {
        return attachment;
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
