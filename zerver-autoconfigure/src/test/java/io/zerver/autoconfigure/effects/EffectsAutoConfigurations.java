package io.zerver.autoconfigure.effects;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/** The effects' auto-configurations, as the starter lists them, with the engine's. */
final class EffectsAutoConfigurations {

    static final AutoConfigurations WITH_ENGINE = AutoConfigurations.of(
            ZerverSqliteDataSourceAutoConfiguration.class, ZerverJdbcEffectsAutoConfiguration.class,
            ZerverHttpEffectsAutoConfiguration.class, ZerverFileEffectsAutoConfiguration.class,
            ZerverCacheEffectsAutoConfiguration.class, ZerverComputeEffectsAutoConfiguration.class,
            ZerverEffectsAutoConfiguration.class, ZerverEngineAutoConfiguration.class);

    private EffectsAutoConfigurations() {
    }
}
