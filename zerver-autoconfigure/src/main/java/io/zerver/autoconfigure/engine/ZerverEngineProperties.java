package io.zerver.autoconfigure.engine;

import io.zerver.boot.properties.CoreChecked;
import io.zerver.boot.properties.CoreValueValidator;
import io.zerver.core.engine.Engine;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Validator;

/**
 * The engine ({@code zerver.engine.*}), checked at binding against {@code Engine.Builder}.
 *
 * @param defaultTimeout Deadline of a request whose route sets none. Above 0.
 * @param compensationTimeout Time all compensations of one failed request may take together. Above 0.
 */
@ConfigurationProperties("zerver.engine")
public record ZerverEngineProperties(@DefaultValue("10s") Duration defaultTimeout,
        @DefaultValue("10s") Duration compensationTimeout) implements CoreChecked {

    /** The ranges are the core's: see {@link CoreValueValidator} for why a properties class validates itself. */
    private static final Validator CORE = CoreValueValidator.of(ZerverEngineProperties.class,
            p -> ZerverEngineAutoConfiguration.timeouts(p, Engine.builder()));

    @Override
    public Validator coreChecks() {
        return CORE;
    }
}
