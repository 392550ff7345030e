package io.zerver.supervisor.actuate;

import io.zerver.core.route.Route;
import io.zerver.supervisor.feature.FeatureFailure;
import io.zerver.supervisor.feature.FeatureRegistry;
import io.zerver.supervisor.feature.FeatureVersion;
import io.zerver.supervisor.feature.Retirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The features as plain maps, shared by the endpoint section and the health details. */
final class FeatureViews {

    private FeatureViews() {
    }

    static Map<String, Object> features(FeatureRegistry registry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dir", registry.dir().toAbsolutePath().normalize().toString());
        List<Object> active = new ArrayList<>();
        for (FeatureVersion v : registry.routing().active()) {
            active.add(version(v, true));
        }
        out.put("active", active);
        List<Object> draining = new ArrayList<>();
        for (FeatureVersion v : registry.draining()) {
            draining.add(version(v, false));
        }
        out.put("draining", draining);
        out.put("failures", failures(registry));
        List<Object> retired = new ArrayList<>();
        for (Retirement r : registry.retirements()) {
            retired.add(retirement(r));
        }
        out.put("retired", retired);
        out.put("leakSuspects", leakSuspects(registry));
        return out;
    }

    static Map<String, Object> retirement(Retirement r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", r.feature());
        out.put("version", r.number());
        out.put("label", r.label());
        out.put("retiredAt", r.retiredAt().toString());
        out.put("outcome", r.outcome().name());
        out.put("collections", r.checks());
        out.put("strayThreads", r.strayThreads());
        out.put("driversDeregistered", r.drivers());
        return out;
    }

    static List<Object> leakSuspects(FeatureRegistry registry) {
        List<Object> out = new ArrayList<>();
        for (Retirement r : registry.leakSuspects()) {
            out.add(retirement(r));
        }
        return out;
    }

    static Map<String, Object> version(FeatureVersion v, boolean withRoutes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.name());
        out.put("version", v.number());
        out.put("label", v.descriptor().label());
        out.put("state", v.state().name());
        out.put("jar", v.source().getFileName().toString());
        out.put("loadedAt", v.loadedAt().toString());
        out.put("loadMillis", v.loadMillis());
        out.put("inFlight", v.inFlight());
        if (v.drainingSince() != null) {
            out.put("drainingSince", v.drainingSince().toString());
        }
        if (withRoutes) {
            List<String> routes = new ArrayList<>();
            for (Route r : v.routes()) {
                routes.add(r.method() + " " + r.pattern());
            }
            out.put("routes", routes);
        }
        return out;
    }

    static List<Object> failures(FeatureRegistry registry) {
        List<Object> out = new ArrayList<>();
        for (FeatureFailure f : registry.failures()) {
            out.add(Map.of("jar", f.jar(), "reason", f.reason(), "at", f.at().toString()));
        }
        return out;
    }
}
