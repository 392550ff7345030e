/** Auto-configuration of the Zerver engine capability. */
@NullMarked
package io.zerver.autoconfigure.engine;

import org.jspecify.annotations.NullMarked;
