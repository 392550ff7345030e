@NullMarked
package io.zerver.core.pipeline;

import org.jspecify.annotations.NullMarked;
