package io.zerver.test;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.CustomEffect;
import io.zerver.core.effect.Effect;
import io.zerver.core.effect.EffectHandler;
import io.zerver.core.effect.EffectHandlers;
import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A scripted effect interpreter: each effect a pipeline declares is answered by the
 * first script that matches it, with a value or a failure, after a delay on virtual time.
 * An effect no script matches fails the request with a message saying so.
 *
 * <pre>{@code
 * effects.on(DbGet.class, get -> get.key().equals("todo:1")).succeed("{\"title\":\"milk\"}");
 * effects.on(HttpCall.class).after(Duration.ofMillis(300)).fail(ErrorKind.UPSTREAM_UNAVAILABLE);
 * }</pre>
 */
public final class FakeEffects {

    private final List<Script<?>> scripts = new CopyOnWriteArrayList<>();
    private final List<Effect> performed = new CopyOnWriteArrayList<>();
    private final List<Effect> cancelled = new CopyOnWriteArrayList<>();

    FakeEffects() {
    }

    /** Scripts every effect of {@code type}. */
    public <E extends Effect> Script<E> on(Class<E> type) {
        return on(type, e -> true);
    }

    /** Scripts the effects of {@code type} that {@code matching} accepts. Later scripts win. */
    public <E extends Effect> Script<E> on(Class<E> type, Predicate<? super E> matching) {
        Script<E> script = new Script<>(requireNonNull(type, "type"), requireNonNull(matching, "matching"));
        scripts.add(0, script);
        return script;
    }

    /** Every attempt made, in order (a retried effect appears once per attempt). */
    public List<Effect> performed() {
        return List.copyOf(performed);
    }

    /** The attempts that were cancelled before they answered. */
    public List<Effect> cancelled() {
        return List.copyOf(cancelled);
    }

    /** The attempts made of effects of {@code type}. */
    public <E extends Effect> List<E> performed(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (Effect e : performed) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    EffectHandlers handlers(Scheduler time) {
        EffectHandler<Effect> handler = (effect, context) -> perform(effect, time);
        EffectHandlers.Builder builder = EffectHandlers.builder();
        registerAll(builder, Effect.class, handler);
        // The application's own effect types are known only by the scripts naming them.
        for (Script<?> script : scripts) {
            if (CustomEffect.class.isAssignableFrom(script.type)) {
                register(builder, script.type, handler);
            }
        }
        return builder.build();
    }

    /** Registers {@code handler} for every concrete effect type under {@code type}. */
    private static void registerAll(EffectHandlers.Builder builder, Class<?> type, EffectHandler<Effect> handler) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                registerAll(builder, sub, handler);
            }
        } else {
            register(builder, type.asSubclass(Effect.class), handler);
        }
    }

    private static <E extends Effect> void register(EffectHandlers.Builder builder, Class<E> type,
            EffectHandler<Effect> handler) {
        builder.on(type, handler::perform);
    }

    private Mono<?> perform(Effect effect, Scheduler time) {
        return Mono.defer(() -> {
            performed.add(effect);
            for (Script<?> script : scripts) {
                Mono<?> answer = script.answer(effect, time);
                if (answer != null) {
                    // A Mono signals its value before completing: a cancel after the value is
                    // not a cancellation of the effect.
                    AtomicBoolean answered = new AtomicBoolean();
                    return answer.doOnNext(v -> answered.set(true))
                            .doOnError(e -> answered.set(true))
                            .doOnCancel(() -> {
                                if (!answered.get()) {
                                    cancelled.add(effect);
                                }
                            });
                }
            }
            return Mono.error(new ZerverException(ErrorKind.INTERNAL, "fake_effects",
                    "unscripted " + effect.kind() + " " + effect));
        });
    }

    /**
     * What effects matching a script answer. Give several answers for successive attempts
     * ({@code .fail(TIMEOUT).succeed("v")}); the last one repeats.
     *
     * @param <E> the effect type scripted
     */
    public static final class Script<E extends Effect> {

        private final Class<E> type;
        private final Predicate<? super E> matching;
        private final List<Answer> answers = new CopyOnWriteArrayList<>();
        private Duration nextDelay = Duration.ZERO;
        private int calls;

        private Script(Class<E> type, Predicate<? super E> matching) {
            this.type = type;
            this.matching = matching;
        }

        /** The next answer comes after {@code delay} of virtual time. */
        public Script<E> after(Duration delay) {
            this.nextDelay = requireNonNull(delay, "delay");
            return this;
        }

        /** Answers with {@code value} (the value the effect's slot gets). */
        public Script<E> succeed(Object value) {
            return add(new Answer(requireNonNull(value, "value"), null, false));
        }

        /** Answers with success and no value. */
        public Script<E> succeedEmpty() {
            return add(new Answer(null, null, false));
        }

        /** Fails with {@code kind}; {@code what} is the effect's family, {@code key} "fake". */
        public Script<E> fail(ErrorKind kind) {
            return add(new Answer(null, requireNonNull(kind, "kind"), false));
        }

        /** Never answers: the effect times out or is cancelled. */
        public Script<E> hang() {
            return add(new Answer(null, null, true));
        }

        private Script<E> add(Answer answer) {
            answers.add(answer.withDelay(nextDelay));
            nextDelay = Duration.ZERO;
            return this;
        }

        private synchronized @Nullable Mono<?> answer(Effect effect, Scheduler time) {
            if (!type.isInstance(effect) || !matching.test(type.cast(effect)) || answers.isEmpty()) {
                return null;
            }
            Answer answer = answers.get(Math.min(calls, answers.size() - 1));
            calls++;
            return answer.toMono(effect, time);
        }
    }

    private record Answer(@Nullable Object value, @Nullable ErrorKind failure, boolean hang, Duration delay) {

        Answer(@Nullable Object value, @Nullable ErrorKind failure, boolean hang) {
            this(value, failure, hang, Duration.ZERO);
        }

        Answer withDelay(Duration newDelay) {
            return new Answer(value, failure, hang, newDelay);
        }

        Mono<?> toMono(Effect effect, Scheduler time) {
            if (hang) {
                return Mono.never();
            }
            Mono<?> result;
            if (failure != null) {
                String family = effect.kind().contains(".") ? effect.kind().substring(0, effect.kind().indexOf('.'))
                        : effect.kind();
                result = Mono.error(new ZerverException(failure, family, "fake"));
            } else {
                result = value == null ? Mono.empty() : Mono.just(value);
            }
            return delay.isZero() ? result : Mono.delay(delay, time).then(result);
        }
    }
}
