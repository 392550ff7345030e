package io.zerver.effects.cache;

import java.time.Duration;

/** A cached value with the time to live it was set with, which the expiry policy reads. */
record CachedValue(String value, Duration ttl) {
}
