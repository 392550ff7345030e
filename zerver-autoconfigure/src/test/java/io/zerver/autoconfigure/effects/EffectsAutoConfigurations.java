package io.zerver.autoconfigure.effects;

import io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The effects' auto-configurations, as the starter lists them, with the engine's. */
final class EffectsAutoConfigurations {

    static final AutoConfigurations WITH_ENGINE = AutoConfigurations.of(
            ZerverSqliteDataSourceAutoConfiguration.class, ZerverJdbcEffectsAutoConfiguration.class,
            ZerverSqlEffectsAutoConfiguration.class,
            ZerverHttpEffectsAutoConfiguration.class, ZerverFileEffectsAutoConfiguration.class,
            ZerverCacheEffectsAutoConfiguration.class, ZerverComputeEffectsAutoConfiguration.class,
            ZerverEffectsAutoConfiguration.class, ZerverEngineAutoConfiguration.class);

    /** An application without an embedded database of its own (this module's tests have H2 on their classpath). */
    static final FilteredClassLoader NO_EMBEDDED_DATABASE = new FilteredClassLoader("org.h2");

    private EffectsAutoConfigurations() {
    }

    /** A runner of them all, keeping its data under {@code dataDir}, in an application with no embedded database. */
    static ApplicationContextRunner runner(Path dataDir) {
        return new ApplicationContextRunner().withConfiguration(WITH_ENGINE)
                .withClassLoader(NO_EMBEDDED_DATABASE)
                .withPropertyValues("zerver.data.dir=" + dataDir);
    }
}
