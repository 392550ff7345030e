package io.zerver.core.step;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.Effect;
import io.zerver.core.flow.Join;
import io.zerver.core.flow.Mode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request to perform effects, then resume. Immutable; the withers return copies.
 *
 * @param effects the effects, in declaration order
 * @param mode parallel (default) or sequential
 * @param join when to resume (default {@link Join#ALL})
 * @param continuation the step to resume with, or null to go on with the next step
 * @param compensations how to undo effects of this need if the request later fails
 */
public record Need(List<Effect> effects, Mode mode, Join join, @Nullable Step continuation,
        List<Compensation> compensations) implements Decision {

    public Need {
        effects = List.copyOf(effects);
        requireNonNull(mode, "mode");
        requireNonNull(join, "join");
        compensations = List.copyOf(compensations);
        if (effects.isEmpty()) {
            throw new IllegalArgumentException("effects: empty (expected: at least one effect)");
        }
        for (Compensation c : compensations) {
            if (!effects.contains(c.effect())) {
                throw new IllegalArgumentException("compensation for " + c.effect().kind()
                        + " (expected: an effect of this need)");
            }
        }
    }

    static Need of(List<? extends Effect> effects) {
        return new Need(List.copyOf(effects), Mode.PARALLEL, Join.ALL, null, List.of());
    }

    public Need sequential() {
        return new Need(effects, Mode.SEQUENTIAL, join, continuation, compensations);
    }

    public Need parallel() {
        return new Need(effects, Mode.PARALLEL, join, continuation, compensations);
    }

    public Need mode(Mode newMode) {
        return new Need(effects, newMode, join, continuation, compensations);
    }

    public Need join(Join newJoin) {
        return new Need(effects, mode, newJoin, continuation, compensations);
    }

    /** Resume with {@code step}, which must be declared as a continuation of the current step. */
    public Need then(Step step) {
        return new Need(effects, mode, join, requireNonNull(step, "step"), compensations);
    }

    /** If the request fails after {@code effect} succeeded, perform {@code undo}. */
    public Need compensate(Effect effect, Effect undo) {
        List<Compensation> more = new ArrayList<>(compensations);
        more.add(new Compensation(effect, undo));
        return new Need(effects, mode, join, continuation, more);
    }
}
