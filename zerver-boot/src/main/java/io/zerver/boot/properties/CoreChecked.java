package io.zerver.boot.properties;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * A {@code @ConfigurationProperties} class checked at binding by its {@link CoreValueValidator}:
 * Spring Boot's binder asks a bound object that is a {@link Validator} to validate itself, and this
 * interface answers with the class's core checks, so that each properties class says only which
 * checks are its own.
 *
 * <pre>{@code
 * @ConfigurationProperties("zerver.limits")
 * public class ZerverLimitsProperties implements CoreChecked {
 *
 *     private static final Validator CORE = CoreValueValidator.of(ZerverLimitsProperties.class,
 *             ZerverEngineAutoConfiguration::requestLimits);
 *
 *     @Override
 *     public Validator coreChecks() {
 *         return CORE;
 *     }
 *     ...
 * }
 * }</pre>
 */
public interface CoreChecked extends Validator {

    /** The checks of this class: a {@link CoreValueValidator} over the mapping its configuration uses. */
    Validator coreChecks();

    @Override
    default boolean supports(Class<?> type) {
        return coreChecks().supports(type);
    }

    @Override
    default void validate(Object target, Errors errors) {
        coreChecks().validate(target, errors);
    }
}
