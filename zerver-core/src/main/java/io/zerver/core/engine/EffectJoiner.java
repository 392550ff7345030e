package io.zerver.core.engine;

import io.zerver.core.effect.Effect;
import io.zerver.core.error.ZerverError;
import io.zerver.core.flow.Mode;
import io.zerver.core.step.Compensation;
import io.zerver.core.step.Need;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the effects of a {@link Need} by its mode and join, exactly as the join table of
 * docs/architecture.md says. Effects that are no longer needed when the join resolves are cancelled
 * (unsubscribing from {@code Flux.merge} cancels every source still running).
 */
final class EffectJoiner {

    private final EffectRunner runner;

    EffectJoiner(EffectRunner runner) {
        this.runner = runner;
    }

    /** Performs {@code need}, the request's need number {@code needId} (from 1). */
    Mono<JoinResult> perform(Exchange exchange, Need need, int needId) {
        return need.mode() == Mode.PARALLEL ? parallel(exchange, need, needId) : sequential(exchange, need, needId);
    }

    private Mono<JoinResult> parallel(Exchange exchange, Need need, int needId) {
        return switch (need.join()) {
            case ALL -> merge(exchange, need, needId, all(need))
                    .takeUntil(EffectOutcome::failedRequired)
                    .collectList()
                    .map(EffectJoiner::failOnRequired);
            case ALL_REQUIRED -> allRequired(exchange, need, needId);
            case ANY -> merge(exchange, need, needId, all(need))
                    .next()
                    .map(first -> new JoinResult(List.of(first), null));
            case FIRST_SUCCESS -> merge(exchange, need, needId, all(need))
                    .takeUntil(EffectOutcome::succeeded)
                    .collectList()
                    .map(EffectJoiner::firstSuccess);
        };
    }

    /**
     * Resumes once every required effect finished. Optional effects run on their own,
     * bounded by the deadline: those done by then count like any other; those still
     * running finish in the background, reach only the timeline, and are cancelled if the
     * request fails.
     */
    private Mono<JoinResult> allRequired(Exchange exchange, Need need, int needId) {
        List<Effect> effects = need.effects();
        return Mono.defer(() -> {
            List<Integer> required = new ArrayList<>();
            AtomicReferenceArray<EffectOutcome> optional = new AtomicReferenceArray<>(effects.size());
            AtomicBoolean resolved = new AtomicBoolean();
            for (int i = 0; i < effects.size(); i++) {
                if (effects.get(i).required()) {
                    required.add(i);
                    continue;
                }
                int index = i;
                exchange.lifetime().addBackground(run(exchange, need, needId, i, resolved::get)
                        .subscribe(outcome -> {
                            if (!resolved.get()) {
                                optional.set(index, outcome);
                            }
                        }));
            }
            return merge(exchange, need, needId, required)
                    .takeUntil(EffectOutcome::failedRequired)
                    .collectList()
                    .map(finished -> {
                        resolved.set(true);
                        List<EffectOutcome> all = new ArrayList<>(finished);
                        for (int i = 0; i < effects.size(); i++) {
                            EffectOutcome o = optional.get(i);
                            if (o != null) {
                                all.add(o);
                            }
                        }
                        all.sort(Comparator.comparingLong(EffectOutcome::finishedAt));
                        return failOnRequired(all);
                    });
        });
    }

    private Mono<JoinResult> sequential(Exchange exchange, Need need, int needId) {
        Flux<EffectOutcome> inOrder = Flux.range(0, need.effects().size())
                .concatMap(i -> run(exchange, need, needId, i, EffectJoiner::inForeground));
        return switch (need.join()) {
            case ALL, ALL_REQUIRED -> inOrder.takeUntil(EffectOutcome::failedRequired)
                    .collectList()
                    .map(EffectJoiner::failOnRequired);
            case ANY -> inOrder.next().map(first -> new JoinResult(List.of(first), null));
            case FIRST_SUCCESS -> inOrder.takeUntil(EffectOutcome::succeeded)
                    .collectList()
                    .map(EffectJoiner::firstSuccess);
        };
    }

    private static boolean inForeground() {
        return false;
    }

    /** The effects at {@code indices}, all started at once, their outcomes in completion order. */
    private Flux<EffectOutcome> merge(Exchange exchange, Need need, int needId, List<Integer> indices) {
        List<Mono<EffectOutcome>> runs = new ArrayList<>(indices.size());
        for (int i : indices) {
            runs.add(run(exchange, need, needId, i, EffectJoiner::inForeground));
        }
        // Concurrency = the number of effects: none waits for another to finish.
        return Flux.merge(Flux.fromIterable(runs), Math.max(1, runs.size()));
    }

    /**
     * One effect of the need. Its undo, if the need names one, is registered the moment it
     * succeeds, so that a request failing or abandoned while its siblings still run still
     * compensates it.
     */
    private Mono<EffectOutcome> run(Exchange exchange, Need need, int needId, int index,
            BooleanSupplier background) {
        Effect effect = need.effects().get(index);
        // An abandoned request (deadline passed, client gone) starts no further effects.
        Mono<EffectOutcome> run = Mono.defer(() -> exchange.lifetime().abandoned()
                ? Mono.empty()
                : runner.run(exchange, effect, needId, index, exchange.clock().deadlineNanos(), background));
        if (need.compensations().isEmpty()) {
            return run;
        }
        return run.doOnNext(outcome -> {
            if (outcome.succeeded()) {
                for (Compensation c : need.compensations()) {
                    if (c.effect().equals(effect)) {
                        exchange.compensations().add(effect, c.undo());
                    }
                }
            }
        });
    }

    private static List<Integer> all(Need need) {
        List<Integer> indices = new ArrayList<>(need.effects().size());
        for (int i = 0; i < need.effects().size(); i++) {
            indices.add(i);
        }
        return indices;
    }

    /** ALL and ALL_REQUIRED: a required failure fails the request. */
    private static JoinResult failOnRequired(List<EffectOutcome> finished) {
        return new JoinResult(finished, firstRequiredError(finished));
    }

    /** FIRST_SUCCESS: fails only if nothing succeeded and a required effect failed. */
    private static JoinResult firstSuccess(List<EffectOutcome> finished) {
        for (EffectOutcome o : finished) {
            if (o.succeeded()) {
                return new JoinResult(finished, null);
            }
        }
        return new JoinResult(finished, firstRequiredError(finished));
    }

    private static @Nullable ZerverError firstRequiredError(List<EffectOutcome> finished) {
        for (EffectOutcome o : finished) {
            if (o.failedRequired()) {
                return o.publicError();
            }
        }
        return null;
    }
}
