/** The supervisor app: the link's server side, the engine, and the features it hosts. */
@NullMarked
package io.zerver.supervisor;

import org.jspecify.annotations.NullMarked;
