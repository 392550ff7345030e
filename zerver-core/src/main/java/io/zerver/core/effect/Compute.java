package io.zerver.core.effect;

import static java.util.Objects.requireNonNull;

import io.zerver.core.slot.Slot;
import org.jspecify.annotations.Nullable;

/**
 * A named CPU task registered by the application, run on the bounded compute pool.
 *
 * @param <T> the task's result type
 */
public record Compute<T>(String task, @Nullable Object input, @Nullable Slot<T> slot, EffectOptions options)
        implements ConfigurableEffect<Compute<T>> {

    public Compute {
        requireNonNull(task, "task");
        requireNonNull(options, "options");
    }

    @Override
    public String kind() {
        return "compute";
    }

    @Override
    public String target() {
        return task;
    }

    @Override
    public boolean isWrite() {
        return false;
    }

    /** A copy whose result goes to {@code slot}. */
    public <R> Compute<R> into(Slot<R> slot) {
        return new Compute<>(task, input, requireNonNull(slot, "slot"), options);
    }

    @Override
    public Compute<T> withOptions(EffectOptions options) {
        return new Compute<>(task, input, slot, options);
    }
}
