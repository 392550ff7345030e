package io.zerver.boot.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zerver.core.config.InvalidValueException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Properties records (bound by constructor, with no JavaBean getters) are checked like classes: the
 * error names the component and shows its value, whether the binder bound it or it kept its default.
 */
class CoreCheckedRecordTests {

    private static final Validator CHECKS = CoreValueValidator.of(Settings.class, s -> {
        if (s.size().toBytes() < 1) {
            throw new InvalidValueException("sizeBytes", s.size().toBytes(), ">= 1");
        }
        if (s.size().toBytes() > 1024) {
            throw new InvalidValueException("name", s.name(), "no name when size is over 1024");
        }
    }).field("sizeBytes", "size");

    record Settings(@DefaultValue("1KB") DataSize size, @DefaultValue("host") String name) implements CoreChecked {

        @Override
        public Validator coreChecks() {
            return CHECKS;
        }
    }

    private static Settings bind(String property, String value) {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("test." + property, value)));
        return binder.bind("test", Bindable.of(Settings.class), new ValidationBindHandler(CHECKS)).get();
    }

    private static FieldError refused(String property, String value) {
        Throwable failure = catchThrowable(() -> bind(property, value));
        assertThat(failure).isInstanceOf(BindException.class).cause().isInstanceOf(BindValidationException.class);
        BindValidationException invalid = (BindValidationException) failure.getCause();
        assertThat(invalid.getValidationErrors().getAllErrors()).hasSize(1);
        return (FieldError) invalid.getValidationErrors().getAllErrors().get(0);
    }

    @Test
    void aBoundComponentIsReportedWithItsValue() {
        FieldError error = refused("size", "0B");

        assertThat(error.getField()).isEqualTo("size");
        assertThat(error.getDefaultMessage()).isEqualTo("0B (expected: >= 1B)");
    }

    @Test
    void aComponentLeftAtItsDefaultIsReportedWithThatValue() {
        FieldError error = refused("size", "2KB");

        assertThat(error.getField()).isEqualTo("name");
        assertThat(error.getDefaultMessage()).isEqualTo("'host' (expected: no name when size is over 1024)");
    }

    @Test
    void defaultsAreTheRecordBoundFromNoProperties() {
        assertThat(CoreChecked.defaults(Settings.class)).isEqualTo(new Settings(DataSize.ofKilobytes(1), "host"));
    }

    @Test
    void aValidRecordBinds() {
        assertThat(bind("size", "512B")).isEqualTo(new Settings(DataSize.ofBytes(512), "host"));
    }
}
