@NullMarked
package io.zerver.core.error;

import org.jspecify.annotations.NullMarked;
