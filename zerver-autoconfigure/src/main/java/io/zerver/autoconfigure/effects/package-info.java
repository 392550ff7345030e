/** Auto-configuration of the Zerver effects capability. */
@NullMarked
package io.zerver.autoconfigure.effects;

import org.jspecify.annotations.NullMarked;
