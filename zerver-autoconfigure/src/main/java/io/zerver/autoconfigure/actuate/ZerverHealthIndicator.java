package io.zerver.autoconfigure.actuate;

import io.zerver.core.engine.Engine;
import io.zerver.effects.ZerverEffects;
import io.zerver.effects.http.HttpEffects;
import io.zerver.effects.jdbc.JdbcKvEffects;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine's health: up while it serves, with its routes, the step scheduler's queue
 * and the circuit breakers as details. An open breaker is a downstream's problem, not
 * this process's: it shows in the details, the status stays up. The db effects' own store is
 * this process's: when its tables cannot be read (or, on PostgreSQL, written) by the user the
 * application connects as, the status is down, with what is wrong in {@code db}.
 */
public class ZerverHealthIndicator implements HealthIndicator {

    private final Engine engine;
    private final @Nullable ZerverEffects effects;

    public ZerverHealthIndicator(Engine engine, @Nullable ZerverEffects effects) {
        this.engine = engine;
        this.effects = effects;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("routes", engine.routes().routes().size());
        engine.stepScheduler().ifPresent(s -> health.withDetail("scheduler", Map.of("running", s.running(),
                "queued", s.queueDepth(), "shed", s.shedCount())));
        if (effects != null) {
            effects.family(HttpEffects.class).ifPresent(http -> {
                Map<String, String> breakers = new TreeMap<>();
                http.breakerStates().forEach((host, state) -> breakers.put(host, state.name()));
                health.withDetail("breakers", breakers);
            });
            effects.family(JdbcKvEffects.class).flatMap(JdbcKvEffects::problem).ifPresent(problem -> {
                health.down().withDetail("db", problem);
            });
        }
        return health.build();
    }
}
