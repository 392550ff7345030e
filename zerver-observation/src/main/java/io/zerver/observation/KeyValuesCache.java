package io.zerver.observation;

import io.micrometer.common.KeyValues;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The low-cardinality key values of a default convention, built once per distinct set of
 * values (a route and status, a step and outcome, an effect kind and outcome) instead of on
 * every start and stop: {@link KeyValues#of} sorts and copies. The values come from closed
 * sets or from what the application declares, so the cache stays small; past
 * {@value #MAX_ENTRIES} entries it stops growing and builds the rest each time.
 *
 * @param <K> the values a convention reads, as a record
 */
final class KeyValuesCache<K> {

    static final int MAX_ENTRIES = 4096;

    private final Map<K, KeyValues> cache = new ConcurrentHashMap<>();
    private final Function<K, KeyValues> build;

    /** {@code build} must be a pure function of the key. */
    KeyValuesCache(Function<K, KeyValues> build) {
        this.build = build;
    }

    KeyValues get(K key) {
        KeyValues values = cache.get(key);
        if (values == null) {
            values = build.apply(key);
            if (cache.size() < MAX_ENTRIES) {
                cache.putIfAbsent(key, values);
            }
        }
        return values;
    }

    int size() {
        return cache.size();
    }
}
