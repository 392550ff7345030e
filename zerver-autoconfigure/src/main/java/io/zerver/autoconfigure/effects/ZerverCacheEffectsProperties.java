package io.zerver.autoconfigure.effects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Cache effects on an in-process Caffeine cache. Validated at binding, whether the family is
 * enabled or not.
 */
@ConfigurationProperties("zerver.effects.cache")
public class ZerverCacheEffectsProperties implements Validator {

    /** Whether the cache.* effects are served. */
    private boolean enabled = true;

    /** Most entries kept. 0 or more. */
    private long maximumSize = 10_000;

    @Override
    public boolean supports(Class<?> type) {
        return ZerverCacheEffectsProperties.class.isAssignableFrom(type);
    }

    /** What CacheEffectsConfig accepts. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverCacheEffectsProperties p = (ZerverCacheEffectsProperties) target;
        if (p.maximumSize < 0) {
            errors.rejectValue("maximumSize", "range", p.maximumSize + " (expected: >= 0)");
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getMaximumSize() {
        return maximumSize;
    }

    public void setMaximumSize(long maximumSize) {
        this.maximumSize = maximumSize;
    }
}
