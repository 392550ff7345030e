package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Debugging aids ({@code zerver.debug.*}), checked at binding against the engine's timeline
 * header and the forms of a route.
 */
@ConfigurationProperties("zerver.debug")
public class ZerverDebugProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverDebugProperties.class,
            p -> ZerverEngineAutoConfiguration.timelineHeader(p, Engine.builder()))
            .field("maxLength", "maxHeaderSize");

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
    public Validator coreChecks() {
        return CORE;
    }

    /**
     * The routes and the header's bound as the engine takes them. The ring of recent timelines
     * is built in the actuator's package, which depends on this one: checking its capacity
     * through {@code RecentTimelines} would be a package cycle, so its rule (at least 1) is
     * repeated here, the one range of these classes not stated by the type that takes it.
     */
    @Override
    public void validate(Object target, Errors errors) {
        CoreChecked.super.validate(target, errors);
        int recent = ((ZerverDebugProperties) target).recentTimelines;
        if (recent < 1) {
            errors.rejectValue("recentTimelines", "range", recent + " (expected: >= 1)");
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
