package io.zerver.boot.properties;

import org.springframework.boot.context.properties.bind.Binder;
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
 * public record ZerverLimitsProperties(@DefaultValue("256") int maxSlots, ...) implements CoreChecked {
 *
 *     private static final Validator CORE = CoreValueValidator.of(ZerverLimitsProperties.class,
 *             ZerverEngineAutoConfiguration::requestLimits);
 *
 *     @Override
 *     public Validator coreChecks() {
 *         return CORE;
 *     }
 * }
 * }</pre>
 */
public interface CoreChecked extends Validator {

    /** The checks of this class: a {@link CoreValueValidator} over the mapping its configuration uses. */
    Validator coreChecks();

    /**
     * A constructor-bound properties record with every component at its {@code @DefaultValue}, as
     * the binder makes it when no property is set: for the check of one class whose mapping also
     * takes another (the scheduler's configuration takes the budget's).
     */
    static <P> P defaults(Class<P> type) {
        return new Binder().bindOrCreate("defaults", type);
    }

    @Override
    default boolean supports(Class<?> type) {
        return coreChecks().supports(type);
    }

    @Override
    default void validate(Object target, Errors errors) {
        coreChecks().validate(target, errors);
    }
}
