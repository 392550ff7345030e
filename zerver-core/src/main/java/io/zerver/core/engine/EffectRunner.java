package io.zerver.core.engine;

import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectContext;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.HttpResult;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.core.retry.RetryPolicy;
import io.zerver.core.slot.Slot;
import io.zerver.core.timeline.TimelineEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Performs one effect: the handler, the per-attempt timeout, retries that never outlive
 * the deadline, the timeline events. The returned {@code Mono} never fails: a failure is
 * an {@link EffectOutcome} too. Cancelling it cancels the attempt in flight.
 */
final class EffectRunner {

    private static final System.Logger LOG = System.getLogger(EffectRunner.class.getName());

    private final EngineSettings settings;

    EffectRunner(EngineSettings settings) {
        this.settings = settings;
    }

    /**
     * @param need the number of the need that declared the effect, 0 for a compensation
     * @param deadlineNanos when the effect must be done by, on the engine's ticker
     * @param background whether, when the attempt ends, the request no longer waits for it
     */
    Mono<EffectOutcome> run(Exchange exchange, Effect effect, int need, int index, long deadlineNanos,
            BooleanSupplier background) {
        return Mono.defer(() -> {
            exchange.progress().inFlight().incrementAndGet();
            return attempt(exchange, effect, need, index, 1, deadlineNanos, background);
        }).doFinally(signal -> exchange.progress().inFlight().decrementAndGet());
    }

    private Mono<EffectOutcome> attempt(Exchange exchange, Effect effect, int need, int index, int attempt,
            long deadlineNanos, BooleanSupplier background) {
        long start = settings.now();
        long remaining = deadlineNanos - start;
        String slot = slotName(effect.slot());
        // Every attempt records a start and an end, so observers can pair them.
        record(exchange, new TimelineEvent.EffectStarted(exchange.clock().elapsedAt(start), index, effect.kind(),
                effect.target(), slot, effect.required(), attempt, need, saturatedNanos(effect.options().timeout()),
                EffectDetail.of(effect)));
        if (remaining <= 0) {
            EffectOutcome late = EffectOutcome.failure(index, effect,
                    ZerverError.of(ErrorKind.TIMEOUT, family(effect), "deadline"), start);
            record(exchange, ended(exchange, effect, need, index, attempt, start, start, late, background));
            return Mono.just(late);
        }
        long timeoutNanos = Math.min(saturatedNanos(effect.options().timeout()), remaining);
        Bulkheads bulkheads = settings.bulkheads();
        String target = effect.target();
        if (!bulkheads.tryAcquire(target)) {
            EffectOutcome full = EffectOutcome.failure(index, effect,
                    ZerverError.of(ErrorKind.OVERLOADED, family(effect), "bulkhead:" + target), start);
            record(exchange, ended(exchange, effect, need, index, attempt, start, start, full, background));
            return retryOrDone(exchange, effect, need, index, attempt, deadlineNanos, background, full, start);
        }
        Mono<?> answer = call(exchange, effect, index, attempt, timeoutNanos);
        if (answer instanceof Callable<?> immediate) {
            // A handler that answers synchronously (Mono.just, Mono.error, Mono.fromSupplier)
            // has nothing a timer could interrupt: take its answer without scheduling one.
            EffectOutcome outcome;
            try {
                outcome = immediate(exchange, effect, index, immediate);
            } finally {
                bulkheads.release(target);
            }
            long now = settings.now();
            record(exchange, ended(exchange, effect, need, index, attempt, start, now, outcome, background));
            return retryOrDone(exchange, effect, need, index, attempt, deadlineNanos, background, outcome, now);
        }
        AtomicBoolean ended = new AtomicBoolean();
        Mono<EffectOutcome> answered = answer
                .<EffectOutcome>map(value -> EffectOutcome.success(index, effect, value, settings.now()))
                .switchIfEmpty(Mono.fromSupplier(() -> EffectOutcome.success(index, effect, null, settings.now())))
                .onErrorResume(e -> Mono.fromSupplier(() -> EffectOutcome.failure(index, effect,
                        errorOf(exchange, effect, e), settings.now())));
        // An attempt cut short by the request's deadline, not by its own timeout, reports the deadline.
        ZerverError timedOut = timeoutNanos < saturatedNanos(effect.options().timeout())
                ? ZerverError.of(ErrorKind.TIMEOUT, "request", "deadline")
                : ZerverError.of(ErrorKind.TIMEOUT, family(effect), "timeout");
        Mono<EffectOutcome> call = LazyTimeout.within(answered, timeoutNanos, settings.timer(),
                        () -> EffectOutcome.failure(index, effect, timedOut, settings.now()))
                .doOnCancel(() -> {
                    if (ended.compareAndSet(false, true)) {
                        long now = settings.now();
                        record(exchange, new TimelineEvent.EffectEnded(exchange.clock().elapsedAt(now), index,
                                effect.kind(), effect.target(), slot, effect.required(), attempt, now - start, 0,
                                "cancelled", null, background.getAsBoolean(), need));
                    }
                })
                .doFinally(signal -> bulkheads.release(target));
        return call.flatMap(outcome -> {
            long now = settings.now();
            if (ended.compareAndSet(false, true)) {
                record(exchange, ended(exchange, effect, need, index, attempt, start, now, outcome, background));
            }
            return retryOrDone(exchange, effect, need, index, attempt, deadlineNanos, background, outcome, now);
        });
    }

    private EffectOutcome immediate(Exchange exchange, Effect effect, int index, Callable<?> answer) {
        try {
            return EffectOutcome.success(index, effect, answer.call(), settings.now());
        } catch (Exception e) {
            return EffectOutcome.failure(index, effect, errorOf(exchange, effect, Exceptions.unwrap(e)),
                    settings.now());
        }
    }

    private static TimelineEvent.EffectEnded ended(Exchange exchange, Effect effect, int need, int index,
            int attempt, long start, long now, EffectOutcome outcome, BooleanSupplier background) {
        ZerverError error = outcome.error();
        return new TimelineEvent.EffectEnded(exchange.clock().elapsedAt(now), index, effect.kind(), effect.target(),
                slotName(effect.slot()), effect.required(), attempt, now - start, bytes(outcome.value()),
                error == null ? "ok" : error.kind().label(), error == null ? null : error.key(),
                background.getAsBoolean(), need);
    }

    private Mono<?> call(Exchange exchange, Effect effect, int index, int attempt, long timeoutNanos) {
        EffectHandler<Effect> handler = settings.handlers().find(effect);
        if (handler == null) {
            return Mono.error(new ZerverException(ErrorKind.INTERNAL, "effect", "no_handler:" + effect.kind()));
        }
        try {
            Mono<?> result = handler.perform(effect, new EffectContext(exchange.requestId(), attempt,
                    Duration.ofNanos(timeoutNanos),
                    event -> record(exchange, event.apply(exchange.clock().elapsed()))));
            return result == null ? Mono.error(new IllegalStateException("handler returned null")) : result;
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
    }

    private Mono<EffectOutcome> retryOrDone(Exchange exchange, Effect effect, int need, int index, int attempt,
            long deadlineNanos, BooleanSupplier background, EffectOutcome outcome, long now) {
        ZerverError error = outcome.error();
        RetryPolicy policy = effect.options().retry();
        if (error == null || !error.kind().isTransient() || !policy.allowsRetryAfter(attempt)) {
            return Mono.just(outcome);
        }
        if (effect.isWrite() && effect.options().idempotencyKey() == null) {
            skip(exchange, effect, index, attempt + 1, now, "write_without_idempotency_key");
            return Mono.just(outcome);
        }
        Duration delay = policy.delay(attempt, settings.random().get());
        long nextEnd = saturatedAdd(saturatedAdd(now, delay.toNanos()), saturatedNanos(effect.options().timeout()));
        if (nextEnd - deadlineNanos > 0) {
            skip(exchange, effect, index, attempt + 1, now, "deadline");
            return Mono.just(outcome);
        }
        return Mono.delay(delay, settings.timer())
                .then(Mono.defer(() -> attempt(exchange, effect, need, index, attempt + 1, deadlineNanos,
                        background)));
    }

    private void skip(Exchange exchange, Effect effect, int index, int attempt, long now, String reason) {
        record(exchange, new TimelineEvent.RetrySkipped(exchange.clock().elapsedAt(now), index, effect.kind(), attempt,
                reason));
    }

    private ZerverError errorOf(Exchange exchange, Effect effect, Throwable e) {
        if (e instanceof ZerverException z) {
            return z.error();
        }
        if (e instanceof TimeoutException) {
            return ZerverError.of(ErrorKind.TIMEOUT, family(effect), "timeout");
        }
        exchange.log(LOG, System.Logger.Level.INFO, () -> "effect " + effect.kind() + " (" + effect.target()
                + ") of request " + exchange.requestId() + " failed: " + e, null);
        return ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, family(effect), "unavailable");
    }

    private static void record(Exchange exchange, TimelineEvent event) {
        exchange.timeline().add(event);
    }

    static String family(Effect effect) {
        String kind = effect.kind();
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }

    private static @Nullable String slotName(@Nullable Slot<?> slot) {
        return slot == null ? null : slot.name();
    }

    private static long bytes(@Nullable Object value) {
        if (value instanceof String s) {
            return utf8Length(s);
        }
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof HttpResult r) {
            return r.body().length;
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        return 0;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
