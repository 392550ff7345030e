package io.zerver.effects;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.EffectHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Effect families composed into the handlers the engine is given, and closed together. Each
 * family is created on its own, with only its own library on the class path; this class
 * imports none of them.
 *
 * <pre>{@code
 * ZerverEffects effects = ZerverEffects.builder()
 *         .family(JdbcKvEffects.create(dataSource, JdbcKvConfig.defaults(), registry), JdbcKvEffects::registerOn)
 *         .family(HttpEffects.create(HttpEffectsConfig.defaults()).bindTo(registry), HttpEffects::registerOn)
 *         .family(FileEffects.create(FileEffectsConfig.defaults(dataDir.resolve("files"))), FileEffects::registerOn)
 *         .build();
 * Engine engine = Engine.builder().routes(routes).handlers(effects.handlers()).build();
 * }</pre>
 */
public final class ZerverEffects implements AutoCloseable {

    private final List<EffectFamily<?>> families;
    private final EffectHandlers handlers;

    private ZerverEffects(List<EffectFamily<?>> families) {
        this.families = List.copyOf(families);
        EffectHandlers.Builder builder = EffectHandlers.builder();
        for (EffectFamily<?> family : this.families) {
            family.registerOn(builder);
        }
        this.handlers = builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The handlers to give the engine: every family's, a later family's replacing an earlier's of the same type. */
    public EffectHandlers handlers() {
        return handlers;
    }

    /** The first family of {@code type}, as for the HTTP family's breaker states. */
    public <F> Optional<F> family(Class<F> type) {
        requireNonNull(type, "type");
        for (EffectFamily<?> family : families) {
            if (type.isInstance(family.effects())) {
                return Optional.of(type.cast(family.effects()));
            }
        }
        return Optional.empty();
    }

    /**
     * Closes every family that is {@link AutoCloseable}, the last added first; a failure of one
     * does not stop the others.
     */
    @Override
    public void close() {
        IllegalStateException first = null;
        for (int i = families.size() - 1; i >= 0; i--) {
            if (families.get(i).effects() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = new IllegalStateException("closing effect handlers failed", e);
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Adds families in order. Each is optional; an effect with no handler fails with 500. */
    public static final class Builder {

        private final List<EffectFamily<?>> families = new ArrayList<>();

        private Builder() {
        }

        /** Adds {@code family}, registered with {@code registration}, such as {@code HttpEffects::registerOn}. */
        public <F> Builder family(F family, BiConsumer<? super F, EffectHandlers.Builder> registration) {
            return family(EffectFamily.of(family, registration));
        }

        /** Adds {@code family}. */
        public Builder family(EffectFamily<?> family) {
            families.add(requireNonNull(family, "family"));
            return this;
        }

        public ZerverEffects build() {
            return new ZerverEffects(families);
        }
    }
}
