package io.zerver.autoconfigure.actuate;

import io.zerver.core.engine.Engine;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.route.Route;
import io.zerver.core.schedule.SloScheduler;
import io.zerver.core.timeline.Timeline;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.http.HttpEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/zerver}: the routes with their pipelines and reads/writes graphs, the
 * step scheduler, effects in flight per target, circuit breakers, and (at
 * {@code /actuator/zerver/timelines}) the timelines of the last requests.
 */
@Endpoint(id = "zerver")
public class ZerverEndpoint {

    private final Engine engine;
    private final @Nullable RecentTimelines recent;
    private final @Nullable ZerverEffects effects;
    private final List<ZerverEndpointSection> sections;

    public ZerverEndpoint(Engine engine, @Nullable RecentTimelines recent, @Nullable ZerverEffects effects) {
        this(engine, recent, effects, List.of());
    }

    public ZerverEndpoint(Engine engine, @Nullable RecentTimelines recent, @Nullable ZerverEffects effects,
            List<ZerverEndpointSection> sections) {
        this.engine = engine;
        this.recent = recent;
        this.effects = effects;
        this.sections = List.copyOf(sections);
    }

    @ReadOperation
    public Map<String, Object> zerver() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("routes", routes());
        out.put("scheduler", scheduler());
        out.put("inFlight", engine.inFlightByTarget());
        out.put("breakers", breakers());
        for (ZerverEndpointSection extra : sections) {
            out.put(extra.name(), extra.describe());
        }
        return out;
    }

    /**
     * One section: {@code routes}, {@code scheduler}, {@code breakers}, {@code timelines}, or
     * one contributed by a {@link ZerverEndpointSection} bean.
     */
    @ReadOperation
    public @Nullable Object section(@Selector String section) {
        return switch (section) {
            case "routes" -> routes();
            case "scheduler" -> scheduler();
            case "breakers" -> breakers();
            case "timelines" -> timelines();
            default -> extra(section);
        };
    }

    /**
     * Runs a section's action: {@code POST /actuator/zerver/{section}/{target}} (the supervisor's
     * {@code features} section reloads a feature, or {@code all}). 404 when no section offers it.
     */
    @WriteOperation
    public WebEndpointResponse<Object> act(@Selector String section, @Selector String target) {
        for (ZerverEndpointSection extra : sections) {
            if (extra.name().equals(section)) {
                try {
                    return new WebEndpointResponse<>(extra.act(target), WebEndpointResponse.STATUS_OK);
                } catch (UnsupportedOperationException e) {
                    return new WebEndpointResponse<>(Map.of("error", e.getMessage()), 405);
                } catch (IllegalArgumentException e) {
                    return new WebEndpointResponse<>(Map.of("error", e.getMessage()),
                            WebEndpointResponse.STATUS_BAD_REQUEST);
                }
            }
        }
        return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }

    private @Nullable Object extra(String name) {
        for (ZerverEndpointSection extra : sections) {
            if (extra.name().equals(name)) {
                return extra.describe();
            }
        }
        return null;
    }

    private List<Map<String, Object>> routes() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Route route : engine.routes().routes()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("method", route.method());
            r.put("pattern", route.pattern());
            r.put("flow", route.isFlow());
            r.put("timeout", route.timeout() == null ? null : route.timeout().toString());
            r.put("priority", route.priority().label());
            Pipeline pipeline = route.pipeline();
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < pipeline.size(); i++) {
                steps.add(Map.of("name", pipeline.step(i).name(), "layer", pipeline.layer(i).label()));
            }
            r.put("steps", steps);
            r.put("graph", PlainJson.parse(pipeline.graph().toJson()));
            out.add(r);
        }
        return out;
    }

    private Map<String, Object> scheduler() {
        Map<String, Object> out = new LinkedHashMap<>();
        SloScheduler scheduler = engine.stepScheduler().orElse(null);
        out.put("enabled", scheduler != null);
        if (scheduler != null) {
            out.put("running", scheduler.running());
            out.put("queued", scheduler.queueDepth());
            out.put("shed", scheduler.shedCount());
            out.put("expired", scheduler.expiredCount());
        }
        return out;
    }

    private Map<String, String> breakers() {
        Map<String, String> out = new LinkedHashMap<>();
        if (effects != null) {
            effects.family(HttpEffects.class).ifPresent(http -> http.breakerStates()
                    .forEach((host, state) -> out.put(host, state.name())));
        }
        return out;
    }

    private List<Object> timelines() {
        List<Object> out = new ArrayList<>();
        if (recent != null) {
            for (Timeline t : recent.snapshot()) {
                out.add(PlainJson.parse(t.toJson()));
            }
        }
        return out;
    }
}
