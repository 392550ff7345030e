/**
 * The SLO scheduler: orders the step jobs of all requests by priority class, deadline and
 * age, bounds the queue, sheds what does not fit, and keeps per-request CPU budgets.
 */
@NullMarked
package io.zerver.core.schedule;

import org.jspecify.annotations.NullMarked;
