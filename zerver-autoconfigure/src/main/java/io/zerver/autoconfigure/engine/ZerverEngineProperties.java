package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.Engine;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Validator;

/** The engine ({@code zerver.engine.*}), checked at binding against {@code Engine.Builder}. */
@ConfigurationProperties("zerver.engine")
public class ZerverEngineProperties implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverEngineProperties.class,
            p -> ZerverEngineAutoConfiguration.timeouts(p, Engine.builder()));

    /** Deadline of a request whose route sets none. Above 0. */
    private Duration defaultTimeout = Duration.ofSeconds(10);

    /** Time all compensations of one failed request may take together. Above 0. */
    private Duration compensationTimeout = Duration.ofSeconds(10);

    @Override
    public Validator coreChecks() {
        return CORE;
    }

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
