/**
 * Compute effects: named CPU tasks registered by the application, run on a bounded pool
 * under per-task CPU budgets.
 */
@NullMarked
package io.zerver.effects.compute;

import org.jspecify.annotations.NullMarked;
