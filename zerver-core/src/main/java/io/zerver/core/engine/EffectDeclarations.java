package io.zerver.core.engine;

import io.zerver.core.effect.CustomEffect;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.pipeline.Pipeline;
import io.zerver.core.route.Route;
import io.zerver.core.route.RouteTable;
import io.zerver.core.step.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The check that every effect type of the application's own a step declares
 * ({@link Step#performs()}) has a handler: run when an engine is built on a route table, so that a
 * missing handler is a start-up failure naming the route, the step and the type, not a 500 at the
 * first request.
 */
final class EffectDeclarations {

    private EffectDeclarations() {
    }

    /** @throws IllegalStateException listing each route, step and type without a handler */
    static void check(RouteTable routes, EffectHandlers handlers) {
        List<String> missing = new ArrayList<>();
        for (Route route : routes.routes()) {
            Pipeline pipeline = route.pipeline();
            Set<Step> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < pipeline.size(); i++) {
                visit(route, pipeline.step(i), handlers, seen, missing);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for the effects " + String.join("; ", missing)
                    + ": register one (EffectHandlers.builder().on(Type.class, handler), or an EffectFamily bean"
                    + " with the Spring Boot starter)");
        }
    }

    private static void visit(Route route, Step step, EffectHandlers handlers, Set<Step> seen, List<String> missing) {
        if (!seen.add(step)) {
            return;
        }
        for (Class<? extends CustomEffect<?>> type : step.performs()) {
            if (!handlers.types().contains(type)) {
                missing.add("route '" + route.name() + "', step '" + step.name() + "' performs " + type.getName());
            }
        }
        for (Step next : step.continuations()) {
            visit(route, next, handlers, seen, missing);
        }
    }
}
