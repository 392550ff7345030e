package io.zerver.core.body;

import io.zerver.core.error.FieldError;
import java.util.List;

/**
 * Checks a body read by {@code StepContext.body(Class)}: with the Spring Boot starter, Bean
 * Validation ({@code @NotBlank}, {@code @Size}, ... on the record's components) when the
 * application has a validator. A non-empty answer fails the request with 400 listing each field.
 */
@FunctionalInterface
public interface BodyValidator {

    /** What is wrong with {@code body}'s fields; empty when nothing is. */
    List<FieldError> validate(Object body);
}
