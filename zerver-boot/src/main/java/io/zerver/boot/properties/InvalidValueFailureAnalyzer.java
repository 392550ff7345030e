package io.zerver.boot.properties;

import io.zerver.core.config.InvalidValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a value a core type refused while a bean was being made: one set by code, such as a
 * {@code ZerverEngineBuilderCustomizer} or an application's own bean. (A {@code zerver.*}
 * property out of range fails earlier, at binding, with Boot's report of the property: see
 * {@link CoreValueValidator}.) Registered in {@code META-INF/spring.factories}, so it serves every
 * Zerver application, the starter's and the ingest's.
 */
class InvalidValueFailureAnalyzer extends AbstractFailureAnalyzer<InvalidValueException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidValueException cause) {
        String description = "A Zerver setting was given a value it does not accept:\n\n    " + cause.name() + ": "
                + cause.value() + "\n\nExpected: " + cause.expected();
        String action = "Change the code that sets '" + cause.name() + "' (a ZerverEngineBuilderCustomizer, or a bean "
                + "that builds a Zerver component or its configuration) to give a value that is " + cause.expected() + ".";
        return new FailureAnalysis(description, action, cause);
    }
}
