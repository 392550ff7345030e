package io.zerver.effects;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.effects.cache.CacheEffects;
import io.zerver.effects.cache.CacheEffectsConfig;
import io.zerver.effects.compute.ComputeEffects;
import io.zerver.effects.file.FileEffects;
import io.zerver.effects.file.FileEffectsConfig;
import io.zerver.effects.http.HttpEffects;
import io.zerver.effects.http.HttpEffectsConfig;
import io.zerver.effects.jdbc.JdbcKvConfig;
import io.zerver.effects.jdbc.JdbcKvEffects;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The effect handlers of an application in one place: each family the builder is given
 * is created, registered and, with a {@link MeterRegistry}, measured; {@link #close()}
 * releases them all.
 *
 * <pre>{@code
 * ZerverEffects effects = ZerverEffects.builder()
 *         .jdbc(SqliteDataSources.create(dataDir.resolve("zerver.db"), 4), JdbcKvConfig.defaults())
 *         .http(HttpEffectsConfig.defaults())
 *         .files(FileEffectsConfig.defaults(dataDir.resolve("files")))
 *         .cache(CacheEffectsConfig.defaults())
 *         .meterRegistry(registry)
 *         .build();
 * Engine engine = Engine.builder().routes(routes).handlers(effects.handlers()).build();
 * }</pre>
 */
public final class ZerverEffects implements AutoCloseable {

    private final EffectHandlers handlers;
    private final List<AutoCloseable> closeables;
    private final @Nullable HttpEffects http;

    private ZerverEffects(EffectHandlers handlers, List<AutoCloseable> closeables, @Nullable HttpEffects http) {
        this.handlers = handlers;
        this.closeables = closeables;
        this.http = http;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The handlers to give the engine. */
    public EffectHandlers handlers() {
        return handlers;
    }

    /** The HTTP family, for breaker states, if configured. */
    public java.util.Optional<HttpEffects> http() {
        return java.util.Optional.ofNullable(http);
    }

    /** Closes every family, the last created first; a failure of one does not stop the others. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing effect handlers failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Chooses the families. Each is optional; an effect with no handler fails with 500. */
    public static final class Builder {

        private @Nullable DataSource dataSource;
        private @Nullable JdbcKvConfig jdbc;
        private @Nullable HttpEffectsConfig httpConfig;
        private @Nullable FileEffectsConfig files;
        private @Nullable CacheEffectsConfig cache;
        private @Nullable ComputeEffects compute;
        private @Nullable MeterRegistry registry;

        private Builder() {
        }

        /** The key/value effects ({@code db.*}) on {@code dataSource}. */
        public Builder jdbc(DataSource dataSource, JdbcKvConfig config) {
            this.dataSource = requireNonNull(dataSource, "dataSource");
            this.jdbc = requireNonNull(config, "config");
            return this;
        }

        /** The HTTP effects. */
        public Builder http(HttpEffectsConfig config) {
            this.httpConfig = requireNonNull(config, "config");
            return this;
        }

        /** The file JSON effects, confined to the config's base directory. */
        public Builder files(FileEffectsConfig config) {
            this.files = requireNonNull(config, "config");
            return this;
        }

        /** The cache effects. */
        public Builder cache(CacheEffectsConfig config) {
            this.cache = requireNonNull(config, "config");
            return this;
        }

        /** The compute effects, with the application's tasks registered. */
        public Builder compute(ComputeEffects effects) {
            this.compute = requireNonNull(effects, "effects");
            return this;
        }

        /** Where the families' meters go. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.registry = requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        public ZerverEffects build() {
            EffectHandlers.Builder handlers = EffectHandlers.builder();
            List<AutoCloseable> closeables = new ArrayList<>();
            HttpEffects httpEffects = null;
            try {
                if (dataSource != null && jdbc != null) {
                    JdbcKvEffects kv = JdbcKvEffects.create(dataSource, jdbc, registry);
                    closeables.add(kv);
                    kv.registerOn(handlers);
                }
                if (httpConfig != null) {
                    httpEffects = HttpEffects.create(httpConfig);
                    closeables.add(httpEffects);
                    httpEffects.registerOn(handlers);
                    if (registry != null) {
                        httpEffects.bindTo(registry);
                    }
                }
                if (files != null) {
                    FileEffects fileEffects = FileEffects.create(files);
                    closeables.add(fileEffects);
                    fileEffects.registerOn(handlers);
                }
                if (cache != null) {
                    CacheEffects cacheEffects = CacheEffects.create(cache);
                    cacheEffects.registerOn(handlers);
                    if (registry != null) {
                        cacheEffects.bindTo(registry);
                    }
                }
                if (compute != null) {
                    closeables.add(compute);
                    compute.registerOn(handlers);
                    if (registry != null) {
                        compute.bindTo(registry);
                    }
                }
            } catch (RuntimeException e) {
                new ZerverEffects(handlers.build(), closeables, httpEffects).closeQuietly(e);
                throw e;
            }
            return new ZerverEffects(handlers.build(), List.copyOf(closeables), httpEffects);
        }
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
