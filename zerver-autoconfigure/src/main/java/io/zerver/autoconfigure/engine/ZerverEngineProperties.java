package io.zerver.autoconfigure.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The engine. Validated at binding: a timeout that is not positive fails start-up naming the property. */
@ConfigurationProperties("zerver.engine")
public class ZerverEngineProperties implements Validator {

    /** Deadline of a request whose route sets none. Above 0. */
    private Duration defaultTimeout = Duration.ofSeconds(10);

    /** Time all compensations of one failed request may take together. Above 0. */
    private Duration compensationTimeout = Duration.ofSeconds(10);

    @Override
    public boolean supports(Class<?> type) {
        return ZerverEngineProperties.class.isAssignableFrom(type);
    }

    /** What the engine's builder accepts: both timeouts positive. */
    @Override
    public void validate(Object target, Errors errors) {
        ZerverEngineProperties p = (ZerverEngineProperties) target;
        Bounds.positive(errors, "defaultTimeout", p.defaultTimeout);
        Bounds.positive(errors, "compensationTimeout", p.compensationTimeout);
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
