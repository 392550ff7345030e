@NullMarked
package io.zerver.core.http;

import org.jspecify.annotations.NullMarked;
