/** What the starter brings to an application, tested in one. */
@NullMarked
package io.zerver.starter;

import org.jspecify.annotations.NullMarked;
