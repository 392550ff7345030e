package io.zerver.autoconfigure.observation;

import io.micrometer.observation.Observation;

/**
 * Puts, on any thread, the span a tracer made of an observation in scope around one log line,
 * so that the tracer's log correlation gives the line that span's trace and span ids. Only the
 * thread writing the line is touched: unlike opening the observation's own scope, it works
 * on several threads at once. Free of tracing types, so that this package loads without
 * Micrometer Tracing.
 */
interface LogScopes {

    /**
     * Runs {@code line} with the span of {@code observation} in scope; as it is when the tracer
     * made none. Runs it exactly once and never throws on its own account.
     */
    void write(Observation observation, Runnable line);
}
