package io.zerver.boot.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerver.core.config.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** A value a core type refuses becomes a field error of the property it was mapped from. */
class CoreValueValidatorTests {

    @Test
    void refusedValueIsReportedOnThePropertyItCameFromWithTheCoresExpectation() {
        Holder holder = new Holder();
        holder.setSize(DataSize.ofBytes(0));
        Errors errors = validate(holder, CoreValueValidator.of(Holder.class, h -> {
            throw new InvalidValueException("sizeBytes", h.getSize().toBytes(), "1..1048576");
        }).field("sizeBytes", "size"));

        assertThat(errors.getFieldError("size").getDefaultMessage()).isEqualTo("0B (expected: 1B..1MB)");
    }

    @Test
    void propertyLeftUnsetSaysWhatUnsetMeans() {
        Holder holder = new Holder();
        holder.setName("x");
        Errors errors = validate(holder, CoreValueValidator.of(Holder.class, h -> {
            throw new InvalidValueException("name", h.getName(), "2 letters or more");
        }).unsetMeans("name", "the host name"));

        assertThat(errors.getFieldError("name").getDefaultMessage())
                .isEqualTo("'x' (expected: 2 letters or more, or unset for the host name)");
    }

    @Test
    void expectationGivenForAPropertyIsShownInsteadOfTheCoresWords() {
        Holder holder = new Holder();
        holder.setSize(DataSize.ofBytes(0));
        Errors errors = validate(holder, CoreValueValidator.of(Holder.class, h -> {
            throw new InvalidValueException("sizeBytes", h.getSize().toBytes(), "> 0");
        }).field("sizeBytes", "size").expected("size", "1B..1MB"));

        assertThat(errors.getFieldError("size").getDefaultMessage()).isEqualTo("0B (expected: 1B..1MB)");
    }

    @Test
    void componentNoPropertyIsBoundFromIsAGlobalError() {
        Errors errors = validate(new Holder(), CoreValueValidator.of(Holder.class, h -> {
            throw new InvalidValueException("other", 3, ">= 4");
        }));

        assertThat(errors.getFieldErrorCount()).isZero();
        assertThat(errors.getGlobalError().getDefaultMessage()).isEqualTo("other: 3 (expected: >= 4)");
    }

    @Test
    void valuesTheCoreTakesAreNoError() {
        assertThat(validate(new Holder(), CoreValueValidator.of(Holder.class, h -> { })).hasErrors()).isFalse();
    }

    @Test
    void ownChecksRunAfterTheMappingAndWhenItRefusedAValue() {
        Holder holder = new Holder();

        Errors errors = validate(holder, CoreValueValidator.<Holder>of(Holder.class, h -> {
            throw new InvalidValueException("sizeBytes", h.getSize().toBytes(), "> 4096");
        }).field("sizeBytes", "size").and((h, e) -> e.rejectValue("name", "own", "own check of " + h.getName())));

        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + ": " + e.getDefaultMessage())
                .containsExactly("size: 1024B (expected: > 4KB)", "name: own check of host");
    }

    @Test
    void byteBoundsAreShownAsSizes() {
        assertThat(CoreValueValidator.sizes(">= 1")).isEqualTo(">= 1B");
        assertThat(CoreValueValidator.sizes(">= 18")).isEqualTo(">= 18B");
        assertThat(CoreValueValidator.sizes("256..1048576")).isEqualTo("256B..1MB");
        assertThat(CoreValueValidator.sizes("0..2147483639")).isEqualTo("0B..2147483639B");
    }

    @Test
    void sizesBeyondIntAreHeldAtItsBoundsNotWrapped() {
        assertThat(CoreValueValidator.intBytes(DataSize.ofKilobytes(17))).isEqualTo(17 * 1024);
        assertThat(CoreValueValidator.intBytes(DataSize.ofGigabytes(4))).isEqualTo(Integer.MAX_VALUE);
        assertThat(CoreValueValidator.intBytes(DataSize.ofGigabytes(-3))).isEqualTo(Integer.MIN_VALUE);
    }

    private static Errors validate(Holder holder, CoreValueValidator<Holder> validator) {
        Errors errors = new BeanPropertyBindingResult(holder, "test");
        assertThat(validator.supports(Holder.class)).isTrue();
        validator.validate(holder, errors);
        return errors;
    }

    public static class Holder {

        private DataSize size = DataSize.ofKilobytes(1);
        private String name = "host";

        public DataSize getSize() {
            return size;
        }

        public void setSize(DataSize size) {
            this.size = size;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
