/** Health and the {@code features} section of the {@code zerver} endpoint. */
@NullMarked
package io.zerver.supervisor.actuate;

import org.jspecify.annotations.NullMarked;
