@NullMarked
package io.zerver.core.step;

import org.jspecify.annotations.NullMarked;
