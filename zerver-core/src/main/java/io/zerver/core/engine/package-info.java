@NullMarked
package io.zerver.core.engine;

import org.jspecify.annotations.NullMarked;
