package io.zerver.effects.compute;

/**
 * A named CPU task. Long tasks call {@link ComputeContext#checkpoint()} now and then, so
 * that the budget is enforced: over it, the task yields or fails, as configured.
 *
 * @param <I> the input type
 * @param <O> the result type (the effect's slot type)
 */
@FunctionalInterface
public interface ComputeTask<I, O> {

    O compute(I input, ComputeContext context) throws Exception;
}
