package io.zerver.test;

import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.DbScan;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.effect.KeyValue;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * An in-memory key/value store handling the DB effects, for tests and examples: it keeps
 * nothing across restarts. Real applications use the JDBC handlers of zerver-effects.
 *
 * <pre>{@code
 * InMemoryKv kv = new InMemoryKv();
 * Engine engine = Engine.builder().routes(routes).handlers(kv.handlers()).build();
 * }</pre>
 */
public final class InMemoryKv {

    private final ConcurrentNavigableMap<String, String> data = new ConcurrentSkipListMap<>();

    /** Registers this store as the handler of {@code db.get/put/delete/scan}. */
    public EffectHandlers.Builder registerOn(EffectHandlers.Builder builder) {
        return builder.on(DbGet.class, (e, c) -> get(e))
                .on(DbPut.class, (e, c) -> Mono.fromSupplier(() -> put(e.key(), e.value())))
                .on(DbDelete.class, (e, c) -> Mono.fromSupplier(() -> data.remove(e.key()) != null))
                .on(DbScan.class, (e, c) -> Mono.fromSupplier(() -> scan(e.prefix(), e.after(), e.limit())));
    }

    public EffectHandlers handlers() {
        return registerOn(EffectHandlers.builder()).build();
    }

    private Mono<String> get(DbGet effect) {
        return Mono.defer(() -> {
            String value = data.get(effect.key());
            return value == null
                    ? Mono.error(new ZerverException(ErrorKind.NOT_FOUND, "db", effect.key()))
                    : Mono.just(value);
        });
    }

    private Boolean put(String key, String value) {
        data.put(key, value);
        return Boolean.TRUE;
    }

    private List<KeyValue> scan(String prefix, @Nullable String after, int limit) {
        List<KeyValue> out = new ArrayList<>();
        boolean afterIsLater = after != null && after.compareTo(prefix) >= 0;
        for (Map.Entry<String, String> e : (afterIsLater ? data.tailMap(after, false) : data.tailMap(prefix, true))
                .entrySet()) {
            if (!e.getKey().startsWith(prefix) || out.size() >= limit) {
                break;
            }
            out.add(new KeyValue(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    /** A snapshot of the stored entries, for assertions. */
    public Map<String, String> snapshot() {
        return Map.copyOf(data);
    }
}
