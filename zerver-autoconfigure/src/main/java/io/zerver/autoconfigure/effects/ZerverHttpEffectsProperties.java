package io.zerver.autoconfigure.effects;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * HTTP effects over a pooled Reactor Netty client. Validated at binding, whether the family is
 * enabled or not: a value out of range fails start-up naming the property, the value and what
 * is expected.
 */
@ConfigurationProperties("zerver.effects.http")
public class ZerverHttpEffectsProperties implements Validator {

    /** The largest body a byte array can hold, as HttpEffectsConfig bounds the response size. */
    private static final DataSize MAX_RESPONSE_SIZE = DataSize.ofBytes(Integer.MAX_VALUE - 8);
    /** The longest connect timeout Netty takes (an int of milliseconds). */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** Whether the http.* effects are served. */
    private boolean enabled = true;

    /** Time to establish a connection. Above 0 and at most 2147483647ms. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Pooled connections per host. At least 1. */
    private int maxConnections = 64;

    /** Largest response body read; larger ones fail the effect. From 1B to 2147483639B. */
    private DataSize maxResponseSize = DataSize.ofMegabytes(10);

    @Override
    public boolean supports(Class<?> type) {
        return ZerverHttpEffectsProperties.class.isAssignableFrom(type);
    }

    /** What HttpEffectsConfig accepts. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverHttpEffectsProperties p = (ZerverHttpEffectsProperties) target;
        Duration connect = p.connectTimeout;
        if (connect == null || connect.isNegative() || connect.isZero() || connect.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
            errors.rejectValue("connectTimeout", "range",
                    connect + " (expected: > 0 and <= " + MAX_CONNECT_TIMEOUT.toMillis() + "ms)");
        }
        if (p.maxConnections < 1) {
            errors.rejectValue("maxConnections", "range", p.maxConnections + " (expected: >= 1)");
        }
        DataSize response = p.maxResponseSize;
        if (response == null || response.toBytes() < 1 || response.compareTo(MAX_RESPONSE_SIZE) > 0) {
            errors.rejectValue("maxResponseSize", "range", response + " (expected: 1B.." + MAX_RESPONSE_SIZE + ")");
        }
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
