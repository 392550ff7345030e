package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.Engine;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Debugging aids ({@code zerver.debug.*}), checked at binding against the engine's timeline
 * header and the forms of a route.
 *
 * @param recentTimelines Timelines of the last requests kept for /actuator/zerver/timelines. At least 1.
 * @param routes Routes whose responses carry the request's timeline in the X-Zerver-Timeline header:
 *     'METHOD /pattern' ('GET /todos/:id', or 'GET /todos/{id}'), '/pattern' for every
 *     method, or '*' for every route. Empty (the default) for none. The timeline shows
 *     storage keys, URLs and exception classes to the client.
 * @param maxHeaderSize Longest X-Zerver-Timeline header; events that do not fit are left out and counted. At least 18B.
 */
@ConfigurationProperties("zerver.debug")
public record ZerverDebugProperties(@DefaultValue("100") int recentTimelines, @DefaultValue List<String> routes,
        @DefaultValue("8KB") DataSize maxHeaderSize) implements CoreChecked {

    /**
     * The routes and the header's bound as the engine takes them. The ring of recent timelines
     * is built in the actuator's package, which depends on this one: checking its capacity
     * through {@code RecentTimelines} would be a package cycle, so its rule (at least 1) is
     * repeated here, the one range of these classes not stated by the type that takes it.
     */
    private static final Validator CORE = CoreValueValidator.of(ZerverDebugProperties.class,
            p -> ZerverEngineAutoConfiguration.timelineHeader(p, Engine.builder()))
            .field("maxLength", "maxHeaderSize").and(ZerverDebugProperties::checkRecentTimelines);

    @Override
    public Validator coreChecks() {
        return CORE;
    }

    private static void checkRecentTimelines(ZerverDebugProperties debug, Errors errors) {
        if (debug.recentTimelines < 1) {
            errors.rejectValue("recentTimelines", "range", debug.recentTimelines + " (expected: >= 1)");
        }
    }
}
