package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.cache.CacheEffectsConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/**
 * Cache effects on an in-process Caffeine cache ({@code zerver.effects.cache.*}). Checked at
 * binding against {@link CacheEffectsConfig}, whether the family is enabled or not.
 */
@ConfigurationProperties("zerver.effects.cache")
public class ZerverCacheEffectsProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverCacheEffectsProperties.class,
            ZerverCacheEffectsAutoConfiguration::cacheEffectsConfig);

    /** Whether the cache.* effects are served. */
    private boolean enabled = true;

    /** Most entries kept. 0 or more. */
    private long maximumSize = 10_000;

    @Override
    public Validator coreChecks() {
        return CORE;
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
