package io.zerver.autoconfigure.body;

import io.zerver.core.body.BodyValidator;
import io.zerver.core.error.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation ({@code @NotBlank}, {@code @Size}, ... on a body's components) as the engine's
 * {@link BodyValidator}, with the application's {@link Validator}: its messages, in its locale.
 */
final class BeanValidationBodyValidator implements BodyValidator {

    private final Validator validator;

    BeanValidationBodyValidator(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<FieldError> validate(Object body) {
        return validator.validate(body).stream()
                .map(BeanValidationBodyValidator::fieldError)
                // Bean Validation answers a set: order by field, so that the answer is stable.
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    private static FieldError fieldError(ConstraintViolation<Object> violation) {
        String field = violation.getPropertyPath().toString();
        return new FieldError(field.isEmpty() ? "body" : field, violation.getMessage());
    }
}
