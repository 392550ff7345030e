@NullMarked
package io.zerver.core.timeline;

import org.jspecify.annotations.NullMarked;
