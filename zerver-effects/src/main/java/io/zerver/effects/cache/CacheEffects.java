package io.zerver.effects.cache;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.zerver.core.effect.CacheDelete;
import io.zerver.core.effect.CacheGet;
import io.zerver.core.effect.CacheSet;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Performs the cache effects on an in-process Caffeine cache: {@code cache.get} answers
 * the value or fails with NotFound (cache, key), {@code cache.set} keeps a value for its
 * own time to live and answers {@code true}, {@code cache.delete} answers whether a live
 * value was there. The cache holds at most {@link CacheEffectsConfig#maximumSize()}
 * entries.
 *
 * <p>Every operation is in memory and short, so the handlers answer synchronously on the
 * calling thread and the engine takes its fast path. Bind the statistics to a registry
 * with {@link #bindTo(MeterRegistry)}: meters {@code cache.gets}, {@code cache.puts},
 * {@code cache.evictions}, ... tagged {@code cache=zerver}.
 *
 * <pre>{@code
 * CacheEffects cache = CacheEffects.create(CacheEffectsConfig.defaults());
 * cache.bindTo(meterRegistry);
 * EffectHandlers handlers = cache.registerOn(EffectHandlers.builder()).build();
 * }</pre>
 */
public final class CacheEffects implements MeterBinder {

    /** The {@code cache} tag of the metrics. */
    public static final String CACHE_NAME = "zerver";

    private final CacheEffectsConfig config;
    private final Cache<String, CachedValue> cache;

    private CacheEffects(CacheEffectsConfig config, Cache<String, CachedValue> cache) {
        this.config = config;
        this.cache = cache;
    }

    /** A cache on the system clock. */
    public static CacheEffects create(CacheEffectsConfig config) {
        return create(config, Ticker.systemTicker());
    }

    /** A cache whose entries expire by {@code ticker}: pass a fake one to move time in tests. */
    public static CacheEffects create(CacheEffectsConfig config, Ticker ticker) {
        requireNonNull(config, "config");
        requireNonNull(ticker, "ticker");
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(config.maximumSize())
                .ticker(ticker);
        if (config.recordStats()) {
            builder.recordStats();
        }
        Cache<String, CachedValue> cache = builder
                .expireAfter(Expiry.<String, CachedValue>writing((key, entry) -> entry.ttl()))
                .build();
        return new CacheEffects(config, cache);
    }

    /** Registers these handlers for {@code cache.get}, {@code cache.set} and {@code cache.delete}. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder builder) {
        requireNonNull(builder, "builder");
        return builder.on(CacheGet.class, (effect, context) -> get(effect))
                .on(CacheSet.class, (effect, context) -> set(effect))
                .on(CacheDelete.class, (effect, context) -> delete(effect));
    }

    /**
     * Publishes the cache's size and, when {@link CacheEffectsConfig#recordStats()}, its
     * gets, hits, misses, puts and evictions.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        requireNonNull(registry, "registry");
        new CaffeineCacheMetrics<>(cache, CACHE_NAME, Tags.empty()).bindTo(registry);
    }

    public CacheEffectsConfig config() {
        return config;
    }

    Mono<String> get(CacheGet effect) {
        return Mono.fromSupplier(() -> {
            CachedValue entry = cache.getIfPresent(effect.key());
            if (entry == null) {
                throw new ZerverException(ErrorKind.NOT_FOUND, "cache", effect.key());
            }
            return entry.value();
        });
    }

    Mono<Boolean> set(CacheSet effect) {
        return Mono.fromSupplier(() -> {
            Duration ttl = effect.ttl();
            if (ttl.isNegative() || ttl.isZero()) {
                throw new ZerverException(ErrorKind.INVALID_INPUT, "cache", "ttl");
            }
            cache.put(effect.key(), new CachedValue(effect.value(), ttl));
            return Boolean.TRUE;
        });
    }

    Mono<Boolean> delete(CacheDelete effect) {
        return Mono.fromSupplier(() -> cache.asMap().remove(effect.key()) != null);
    }

    /** Performs pending maintenance (evictions, expirations) now; for tests. */
    void cleanUp() {
        cache.cleanUp();
    }

    long estimatedSize() {
        return cache.estimatedSize();
    }

    @Override
    public String toString() {
        return "CacheEffects[" + config + "]";
    }
}
