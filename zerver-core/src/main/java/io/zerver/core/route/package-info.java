@NullMarked
package io.zerver.core.route;

import org.jspecify.annotations.NullMarked;
