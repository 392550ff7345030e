/**
 * Micrometer observations of Zerver requests, without Spring: every request timeline becomes
 * a request observation with child observations for its steps, effect attempts and slow
 * jobs.
 *
 * <p>Micrometer's pattern, per observed operation: what is observed and under which keys is
 * listed in {@link io.zerver.observation.ZerverObservationDocumentation}; each operation has
 * a context ({@link io.zerver.observation.ZerverRequestContext} and the others), a convention
 * interface and a default convention. {@link io.zerver.observation.ObservationTimelineObserver}
 * turns timelines into those observations; register it as an engine observer.
 * {@link io.zerver.observation.ServerObservations} makes an HTTP server's own observation the
 * root of the request it serves. Needs only Micrometer Observation (and Micrometer's meters
 * for the timers recorded directly); Spring Boot's auto-configuration registers the observer
 * as a bean when an {@code ObservationRegistry} is present.
 */
@NullMarked
package io.zerver.observation;

import org.jspecify.annotations.NullMarked;
