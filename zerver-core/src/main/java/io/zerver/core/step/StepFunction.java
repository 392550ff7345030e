package io.zerver.core.step;

/** The body of a step: a pure function from the request's view to a decision. */
@FunctionalInterface
public interface StepFunction {

    /**
     * Decides what happens next. Must not do I/O: declare effects instead. May throw; the
     * engine turns an exception into a 500 without leaking it to the client.
     */
    Decision apply(StepContext context) throws Exception;
}
