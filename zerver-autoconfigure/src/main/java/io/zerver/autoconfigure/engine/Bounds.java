package io.zerver.autoconfigure.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;

/**
 * The range checks of the {@code zerver.*} properties classes of this package, run when they
 * are bound: a value out of range fails start-up with Spring Boot's report naming the property,
 * the value and what is expected, as the core's own checks would word it.
 */
final class Bounds {

    private Bounds() {
    }

    static void atLeast(Errors errors, String field, long value, long min) {
        if (value < min) {
            errors.rejectValue(field, "range", value + " (expected: >= " + min + ")");
        }
    }

    static void atLeast(Errors errors, String field, @Nullable DataSize value, DataSize min) {
        if (value == null || value.compareTo(min) < 0) {
            errors.rejectValue(field, "range", value + " (expected: >= " + min + ")");
        }
    }

    static void positive(Errors errors, String field, @Nullable Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            errors.rejectValue(field, "range", value + " (expected: > 0)");
        }
    }

    static void notNegative(Errors errors, String field, @Nullable Duration value) {
        if (value == null || value.isNegative()) {
            errors.rejectValue(field, "range", value + " (expected: >= 0)");
        }
    }
}
