/** Actuator support: the {@code zerver} endpoint, recent timelines, and health. */
@NullMarked
package io.zerver.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
