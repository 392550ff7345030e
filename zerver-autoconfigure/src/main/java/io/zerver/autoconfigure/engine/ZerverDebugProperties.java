package io.zerver.autoconfigure.engine;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Debugging aids ({@code zerver.debug.*}). Validated at binding: a value out of range or a
 * malformed route fails start-up naming the property, the value and what is expected.
 */
@ConfigurationProperties("zerver.debug")
public class ZerverDebugProperties implements Validator {

    /** Timelines of the last requests kept for /actuator/zerver/timelines. At least 1. */
    private int recentTimelines = 100;

    /**
     * Routes whose responses carry the request's timeline in the X-Zerver-Timeline header:
     * 'METHOD /pattern' ('GET /todos/:id', or 'GET /todos/{id}'), '/pattern' for every
     * method, or '*' for every route. Empty (the default) for none. The timeline shows
     * storage keys, URLs and exception classes to the client.
     */
    private List<String> routes = new ArrayList<>();

    /** Longest X-Zerver-Timeline header; events that do not fit are left out and counted. At least 18B. */
    private DataSize maxHeaderSize = DataSize.ofKilobytes(8);

    @Override
    public boolean supports(Class<?> type) {
        return ZerverDebugProperties.class.isAssignableFrom(type);
    }

    /** What the timeline ring, the engine's timeline header and {@link DebugRoutes} accept. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverDebugProperties p = (ZerverDebugProperties) target;
        Bounds.atLeast(errors, "recentTimelines", p.recentTimelines, 1);
        Bounds.atLeast(errors, "maxHeaderSize", p.maxHeaderSize, DataSize.ofBytes(DebugRoutes.MIN_HEADER_LENGTH));
        for (int i = 0; i < p.routes.size(); i++) {
            String spec = p.routes.get(i);
            if (!DebugRoutes.isWellFormed(spec)) {
                errors.rejectValue("routes[" + i + "]", "format", "'" + spec + "' (expected: " + DebugRoutes.FORMS + ")");
            }
        }
    }

    public int getRecentTimelines() {
        return recentTimelines;
    }

    public void setRecentTimelines(int recentTimelines) {
        this.recentTimelines = recentTimelines;
    }

    public List<String> getRoutes() {
        return routes;
    }

    public void setRoutes(List<String> routes) {
        this.routes = routes;
    }

    public DataSize getMaxHeaderSize() {
        return maxHeaderSize;
    }

    public void setMaxHeaderSize(DataSize maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }
}
