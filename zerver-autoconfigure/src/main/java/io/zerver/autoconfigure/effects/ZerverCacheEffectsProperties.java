package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.cache.CacheEffectsConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * Cache effects on an in-process Caffeine cache ({@code zerver.effects.cache.*}). Checked at
 * binding against {@link CacheEffectsConfig}, whether the family is enabled or not.
 *
 * @param enabled Whether the cache.* effects are served.
 * @param maximumSize Most entries kept. 0 or more.
 */
@ConfigurationProperties("zerver.effects.cache")
public record ZerverCacheEffectsProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("10000") long maximumSize) implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverCacheEffectsProperties.class,
            ZerverCacheEffectsAutoConfiguration::cacheEffectsConfig);

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
