@NullMarked
package io.zerver.core.retry;

import org.jspecify.annotations.NullMarked;
