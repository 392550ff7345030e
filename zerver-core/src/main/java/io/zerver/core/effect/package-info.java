@NullMarked
package io.zerver.core.effect;

import org.jspecify.annotations.NullMarked;
