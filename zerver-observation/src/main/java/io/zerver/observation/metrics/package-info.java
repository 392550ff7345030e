/** Micrometer meters for the scheduler and for effects in flight per target. */
@NullMarked
package io.zerver.observation.metrics;

import org.jspecify.annotations.NullMarked;
