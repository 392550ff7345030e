/**
 * How a request flows through its pipeline: the {@link io.zerver.core.flow.Layer} a step
 * runs in, and how the effects of a need run ({@link io.zerver.core.flow.Mode}) and when the
 * pipeline resumes after them ({@link io.zerver.core.flow.Join}).
 *
 * <p>Steps declare this vocabulary, the engine follows it and the timeline records it, so it
 * depends on nothing else in core and everything else may use it.
 */
@NullMarked
package io.zerver.core.flow;

import org.jspecify.annotations.NullMarked;
