package io.zerver.autoconfigure.effects;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.effects.http.HttpEffectsConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;

/**
 * HTTP effects over a pooled Reactor Netty client ({@code zerver.effects.http.*}). Checked at
 * binding against {@link HttpEffectsConfig}, whether the family is enabled or not.
 */
@ConfigurationProperties("zerver.effects.http")
public class ZerverHttpEffectsProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverHttpEffectsProperties.class,
            ZerverHttpEffectsAutoConfiguration::httpEffectsConfig)
            .field("maxConnectionsPerHost", "maxConnections")
            .field("maxResponseBytes", "maxResponseSize")
            .expected("connectTimeout", "> 0 and <= " + HttpEffectsConfig.MAX_CONNECT_TIMEOUT.toMillis() + "ms");

    /** Whether the http.* effects are served. */
    private boolean enabled = true;

    /** Time to establish a connection. Above 0 and at most 2147483647ms. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Pooled connections per host. At least 1. */
    private int maxConnections = 64;

    /** Largest response body read; larger ones fail the effect. From 1B to 2147483639B. */
    private DataSize maxResponseSize = DataSize.ofMegabytes(10);

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

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }
}
