/**
 * Spring Boot wiring of zerver-observation: with an {@code ObservationRegistry},
 * {@link io.zerver.autoconfigure.observation.ZerverObservationAutoConfiguration} registers
 * the {@link io.zerver.observation.ObservationTimelineObserver} (configured by
 * {@code zerver.tracing.*}); with a {@code MeterRegistry},
 * {@link io.zerver.autoconfigure.observation.ZerverMetricsAutoConfiguration} binds the
 * scheduler's meters and the effects in flight per target.
 */
@NullMarked
package io.zerver.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
