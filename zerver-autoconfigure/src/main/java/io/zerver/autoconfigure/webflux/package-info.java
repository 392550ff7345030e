/** Auto-configuration of the Zerver webflux capability. */
@NullMarked
package io.zerver.autoconfigure.webflux;

import org.jspecify.annotations.NullMarked;
