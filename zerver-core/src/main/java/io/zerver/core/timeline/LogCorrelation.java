package io.zerver.core.timeline;

/**
 * Writes the engine's log lines about one request with that request's correlation in place:
 * typically the trace and span ids a tracer puts in the logging MDC while its span is in
 * scope. The engine writes its lines about a request through {@link Timeline#log}, on
 * whatever thread it is on (an effect's, after the first steps left the server's thread), so
 * an observer that knows the request's span can make every line carry its ids
 * ({@link Timeline#correlateLogs}).
 */
@FunctionalInterface
public interface LogCorrelation {

    /** Writes lines as they are: no correlation. */
    LogCorrelation NONE = Runnable::run;

    /**
     * Runs {@code line}, which writes one log line, with the request's correlation in place.
     * Must run it exactly once, and must not throw on its own account.
     */
    void write(Runnable line);
}
