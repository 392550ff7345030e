package io.zerver.core.step;

import static java.util.Objects.requireNonNull;

import io.zerver.core.effect.CustomEffect;
import io.zerver.core.slot.Slot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A named, pure unit of a pipeline: the slots it reads, the slots it writes (including
 * the target slots of the effects it declares), the continuations it may resume with, and
 * its function.
 *
 * <pre>{@code
 * Step load = Step.named("load_todo")
 *         .reads(USER)
 *         .writes(TODO)
 *         .run(ctx -> Decision.need(Effects.dbGet(key(ctx)).into(TODO)));
 * }</pre>
 */
public final class Step {

    private final String name;
    private final Set<Slot<?>> reads;
    private final Set<Slot<?>> writes;
    private final List<Step> continuations;
    private final Set<Class<? extends CustomEffect<?>>> performs;
    private final StepFunction function;

    private Step(String name, Set<Slot<?>> reads, Set<Slot<?>> writes, List<Step> continuations,
            Set<Class<? extends CustomEffect<?>>> performs, StepFunction function) {
        this.name = name;
        this.reads = reads;
        this.writes = writes;
        this.continuations = continuations;
        this.performs = performs;
        this.function = function;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A step that declares no slots. */
    public static Step of(String name, StepFunction function) {
        return named(name).run(function);
    }

    public String name() {
        return name;
    }

    public Set<Slot<?>> reads() {
        return reads;
    }

    public Set<Slot<?>> writes() {
        return writes;
    }

    public List<Step> continuations() {
        return continuations;
    }

    /** The application's own effect types ({@link CustomEffect}) this step may need. */
    public Set<Class<? extends CustomEffect<?>>> performs() {
        return performs;
    }

    public StepFunction function() {
        return function;
    }

    public boolean mayRead(Slot<?> slot) {
        return reads.contains(slot) || writes.contains(slot);
    }

    public boolean mayWrite(Slot<?> slot) {
        return writes.contains(slot);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a step. */
    public static final class Builder {

        private final String name;
        private final Set<Slot<?>> reads = new LinkedHashSet<>();
        private final Set<Slot<?>> writes = new LinkedHashSet<>();
        private final List<Step> continuations = new ArrayList<>();
        private final Set<Class<? extends CustomEffect<?>>> performs = new LinkedHashSet<>();

        private Builder(String name) {
            requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name: '" + name + "' (expected: not blank)");
            }
            this.name = name;
        }

        public Builder reads(Slot<?>... slots) {
            for (Slot<?> s : slots) {
                reads.add(requireNonNull(s, "slot"));
            }
            return this;
        }

        /** Slots the step writes itself or through its effects. */
        public Builder writes(Slot<?>... slots) {
            for (Slot<?> s : slots) {
                writes.add(requireNonNull(s, "slot"));
            }
            return this;
        }

        /** Steps a {@link Need} of this step may resume with. */
        public Builder continuesWith(Step... steps) {
            for (Step s : steps) {
                continuations.add(requireNonNull(s, "step"));
            }
            return this;
        }

        /**
         * The application's own effect types this step may need: an engine without a handler for
         * one fails when built, naming the route, this step and the type; a need of an undeclared
         * one fails the request (Internal "step").
         */
        @SafeVarargs
        public final Builder performs(Class<? extends CustomEffect<?>>... types) {
            for (Class<? extends CustomEffect<?>> type : types) {
                performs.add(requireNonNull(type, "type"));
            }
            return this;
        }

        public Step run(StepFunction function) {
            requireNonNull(function, "function");
            return new Step(name, Collections.unmodifiableSet(new LinkedHashSet<>(reads)),
                    Collections.unmodifiableSet(new LinkedHashSet<>(writes)), List.copyOf(continuations),
                    Collections.unmodifiableSet(new LinkedHashSet<>(performs)), function);
        }
    }
}
