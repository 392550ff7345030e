package io.zerver.autoconfigure.engine;

import io.zerver.core.engine.Engine;

/**
 * Changes the {@link Engine.Builder} of the auto-configured engine, after the {@code zerver.*}
 * properties and the other beans (handlers, observers, scheduler) are applied: a bean of this
 * type changes one option without replacing the engine. Customizers run in their
 * {@link org.springframework.core.annotation.Order @Order} (or
 * {@link org.springframework.core.Ordered}) order; a later one sees what an earlier one set.
 */
@FunctionalInterface
public interface ZerverEngineBuilderCustomizer {

    /** Changes {@code builder}; {@link Engine.Builder#build()} is called after every customizer. */
    void customize(Engine.Builder builder);
}
