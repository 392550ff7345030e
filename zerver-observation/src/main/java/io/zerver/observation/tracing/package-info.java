/**
 * The Micrometer Tracing side of the request observations: whether a tracer sampled a
 * request ({@link io.zerver.observation.tracing.TracerVerdict}), the spans of a sampled
 * request's children made directly through the tracer
 * ({@link io.zerver.observation.tracing.ChildSpans}), and the request's span in scope around
 * the engine's log lines ({@link io.zerver.observation.tracing.LogScopes}).
 *
 * <p>Micrometer Tracing is optional: only the classes of this package that name its types
 * ({@code TracerSpans} and what it makes) need it, and they are loaded only when the
 * application has a tracer. The interfaces and {@code TracerVerdict} load without it.
 */
@NullMarked
package io.zerver.observation.tracing;

import org.jspecify.annotations.NullMarked;
