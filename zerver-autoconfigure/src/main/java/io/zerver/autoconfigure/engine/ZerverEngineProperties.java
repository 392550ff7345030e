package io.zerver.autoconfigure.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The engine. */
@ConfigurationProperties("zerver.engine")
public class ZerverEngineProperties {

    /** Deadline of a request whose route sets none. */
    private Duration defaultTimeout = Duration.ofSeconds(10);

    /** Time all compensations of one failed request may take together. */
    private Duration compensationTimeout = Duration.ofSeconds(10);

    public Duration getDefaultTimeout() {
        return defaultTimeout;
    }

    public void setDefaultTimeout(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    public Duration getCompensationTimeout() {
        return compensationTimeout;
    }

    public void setCompensationTimeout(Duration compensationTimeout) {
        this.compensationTimeout = compensationTimeout;
    }
}
