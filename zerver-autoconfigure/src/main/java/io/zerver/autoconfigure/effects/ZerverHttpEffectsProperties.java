package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.http.HttpEffectsConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;

/**
 * HTTP effects over a pooled Reactor Netty client ({@code zerver.effects.http.*}). Checked at
 * binding against {@link HttpEffectsConfig}, whether the family is enabled or not.
 *
 * @param enabled Whether the http.* effects are served.
 * @param connectTimeout Time to establish a connection. Above 0 and at most 2147483647ms.
 * @param maxConnections Pooled connections per host. At least 1.
 * @param maxResponseSize Largest response body read; larger ones fail the effect. From 1B to 2147483639B.
 */
@ConfigurationProperties("zerver.effects.http")
public record ZerverHttpEffectsProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("64") int maxConnections,
        @DefaultValue("10MB") DataSize maxResponseSize) implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverHttpEffectsProperties.class,
            ZerverHttpEffectsAutoConfiguration::httpEffectsConfig)
            .field("maxConnectionsPerHost", "maxConnections")
            .field("maxResponseBytes", "maxResponseSize")
            .expected("connectTimeout", "> 0 and <= " + HttpEffectsConfig.MAX_CONNECT_TIMEOUT.toMillis() + "ms");

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
