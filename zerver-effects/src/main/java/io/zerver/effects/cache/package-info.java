/**
 * The cache effect handlers: an in-process Caffeine cache with a time to live per entry.
 * Start at {@link io.zerver.effects.cache.CacheEffects}.
 */
@NullMarked
package io.zerver.effects.cache;

import org.jspecify.annotations.NullMarked;
