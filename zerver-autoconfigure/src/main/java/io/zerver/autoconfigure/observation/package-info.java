/**
 * Tracing and metrics for Zerver requests through Micrometer Observation: every timeline
 * (docs/architecture.md) becomes a request observation with child observations for its steps, effect
 * attempts and slow jobs (docs/observability.md).
 *
 * <p>{@link io.zerver.autoconfigure.observation.ObservationTimelineObserver} needs only
 * Micrometer Observation and zerver-core;
 * {@link io.zerver.autoconfigure.observation.ZerverObservationAutoConfiguration} registers it
 * as a bean when an {@code ObservationRegistry} is present. What is observed, and under
 * which keys, is listed in
 * {@link io.zerver.autoconfigure.observation.ZerverObservationDocumentation}.
 */
@NullMarked
package io.zerver.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
