package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The handlers the engine performs effects with, keyed by effect type. Immutable. */
public final class EffectHandlers {

    private final Map<Class<? extends Effect>, EffectHandler<?>> handlers;

    private EffectHandlers(Map<Class<? extends Effect>, EffectHandler<?>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder(Map.of());
    }

    public static EffectHandlers empty() {
        return builder().build();
    }

    /** A builder holding these handlers, to add or replace some. */
    public Builder toBuilder() {
        return new Builder(handlers);
    }

    /** The handler for {@code effect}'s type, or null when none is registered. */
    @SuppressWarnings("unchecked")
    public @Nullable EffectHandler<Effect> find(Effect effect) {
        return (EffectHandler<Effect>) handlers.get(effect.getClass());
    }

    public Set<Class<? extends Effect>> types() {
        return handlers.keySet();
    }

    /** Registers handlers; a later registration for the same type replaces the earlier. */
    public static final class Builder {

        private final Map<Class<? extends Effect>, EffectHandler<?>> handlers;

        private Builder(Map<Class<? extends Effect>, EffectHandler<?>> initial) {
            this.handlers = new HashMap<>(initial);
        }

        public <E extends Effect> Builder on(Class<E> type, EffectHandler<? super E> handler) {
            handlers.put(requireNonNull(type, "type"), requireNonNull(handler, "handler"));
            return this;
        }

        public EffectHandlers build() {
            return new EffectHandlers(handlers);
        }
    }
}
