package io.zerver.core.engine;

import io.zerver.core.effect.DbDelete;
import io.zerver.core.effect.DbGet;
import io.zerver.core.effect.DbPut;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A handler for db effects whose behaviour is scripted per key: succeed or fail after a
 * delay on the given (virtual-time) scheduler, or never answer. It records attempts,
 * cancellations and completions per key, and every write in order.
 */
final class ScriptedEffects {

    private final Scheduler scheduler;
    private final Map<String, List<Behaviour>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cancelled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();

    ScriptedEffects(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    sealed interface Behaviour {
    }

    record Ok(String value, Duration after) implements Behaviour {
    }

    record Fail(ErrorKind kind, Duration after) implements Behaviour {
    }

    record Hang() implements Behaviour {
    }

    static Behaviour ok(String value, long millis) {
        return new Ok(value, Duration.ofMillis(millis));
    }

    static Behaviour fail(ErrorKind kind, long millis) {
        return new Fail(kind, Duration.ofMillis(millis));
    }

    static Behaviour hang() {
        return new Hang();
    }

    /** Scripts successive attempts of {@code key}; the last behaviour repeats. */
    ScriptedEffects on(String key, Behaviour... behaviours) {
        scripts.put(key, new ArrayList<>(List.of(behaviours)));
        return this;
    }

    EffectHandlers handlers() {
        return EffectHandlers.builder()
                .on(DbGet.class, (e, c) -> perform(e.key()))
                .on(DbPut.class, (e, c) -> perform(e.key()).doOnNext(v -> writes.add("put:" + e.key()))
                        .thenReturn(Boolean.TRUE))
                .on(DbDelete.class, (e, c) -> perform(e.key()).doOnNext(v -> writes.add("delete:" + e.key()))
                        .thenReturn(Boolean.TRUE))
                .build();
    }

    private Mono<String> perform(String key) {
        return Mono.defer(() -> {
            int attempt = counter(attempts, key).incrementAndGet();
            List<Behaviour> script = scripts.get(key);
            if (script == null) {
                return Mono.just("value-of-" + key);
            }
            Behaviour b = script.get(Math.min(attempt, script.size()) - 1);
            Mono<String> result;
            if (b instanceof Ok ok) {
                result = Mono.delay(ok.after(), scheduler).thenReturn(ok.value());
            } else if (b instanceof Fail f) {
                result = Mono.delay(f.after(), scheduler)
                        .then(Mono.error(new ZerverException(f.kind(), "db", key)));
            } else {
                result = Mono.never();
            }
            // A value delivered and then cancelled (a Mono signals onNext before onComplete)
            // counts as completed, not cancelled.
            AtomicBoolean delivered = new AtomicBoolean();
            return result.doOnNext(v -> {
                delivered.set(true);
                counter(completed, key).incrementAndGet();
            }).doOnCancel(() -> {
                if (!delivered.get()) {
                    counter(cancelled, key).incrementAndGet();
                }
            });
        });
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> map, String key) {
        return map.computeIfAbsent(key, k -> new AtomicInteger());
    }

    int attempts(String key) {
        return counter(attempts, key).get();
    }

    boolean wasCancelled(String key) {
        return counter(cancelled, key).get() > 0;
    }

    boolean started(String key) {
        return attempts(key) > 0;
    }

    List<String> writes() {
        return List.copyOf(writes);
    }
}
