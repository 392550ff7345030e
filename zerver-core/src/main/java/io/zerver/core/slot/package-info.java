@NullMarked
package io.zerver.core.slot;

import org.jspecify.annotations.NullMarked;
