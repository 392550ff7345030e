/**
 * How {@code zerver.*} properties are checked when they are bound: against the core types they
 * are mapped onto, which hold the only statement of each range.
 */
@NullMarked
package io.zerver.autoconfigure.properties;

import org.jspecify.annotations.NullMarked;
