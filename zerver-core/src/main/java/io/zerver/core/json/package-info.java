@NullMarked
package io.zerver.core.json;

import org.jspecify.annotations.NullMarked;
