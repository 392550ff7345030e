package io.zerver.boot.properties;

import static java.util.Objects.requireNonNull;

import io.zerver.core.config.InvalidValueException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a properties class by running its mapping onto the core types: a value a core type
 * refuses ({@link InvalidValueException}) becomes a field error on the property it came from,
 * showing the property's value and the core type's expectation, as in
 * {@code zerver.limits.maxSlots: 0 (expected: >= 1)}.
 *
 * <p>Why this shape: the range of each value is written once, in the core type's constructor or
 * builder, and the properties class only holds values. Failing in the auto-configuration's bean
 * method instead would report a bean and a Java parameter ({@code maxBodyBytes}), not the
 * property, its origin and its value; Boot's binder reports those for the errors of a
 * {@link Validator} that the bound object itself implements (the only per-class validator it asks
 * besides JSR-303, which a Zerver application need not have). So each properties class is a
 * {@link Validator} ({@link CoreChecked}) that delegates to one of these, built on the same mapping the
 * application's configuration (an auto-configuration, the ingest's or the supervisor's
 * configuration) uses to make the core objects.
 *
 * <p>Sizes: the core counts bytes as plain numbers ({@code maxBodyBytes >= 1}); for a
 * {@link DataSize} property the bounds are shown as sizes ({@code 0B (expected: >= 1B)}).
 *
 * @param <P> the properties class
 */
public final class CoreValueValidator<P> implements Validator {

    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    private static final long[] UNITS = { DataSize.ofTerabytes(1).toBytes(), DataSize.ofGigabytes(1).toBytes(),
        DataSize.ofMegabytes(1).toBytes(), DataSize.ofKilobytes(1).toBytes() };
    private static final String[] UNIT_NAMES = { "TB", "GB", "MB", "KB" };

    private final Class<P> type;
    private final Consumer<? super P> mapping;
    private final Map<String, String> fields;
    private final Map<String, String> unset;
    private final Map<String, String> expected;
    private final BiConsumer<? super P, Errors> own;

    private CoreValueValidator(Class<P> type, Consumer<? super P> mapping, Map<String, String> fields,
            Map<String, String> unset, Map<String, String> expected, BiConsumer<? super P, Errors> own) {
        this.type = type;
        this.mapping = mapping;
        this.fields = fields;
        this.unset = unset;
        this.expected = expected;
        this.own = own;
    }

    /**
     * Checks {@code type} by running {@code mapping} on the bound object; its core components are
     * taken to be named as the properties' fields unless {@link #field} says otherwise.
     */
    public static <P> CoreValueValidator<P> of(Class<P> type, Consumer<? super P> mapping) {
        return new CoreValueValidator<>(requireNonNull(type, "type"), requireNonNull(mapping, "mapping"), Map.of(),
                Map.of(), Map.of(), (p, errors) -> { });
    }

    /** The core's {@code component} is the property {@code field} (for a map entry, of its key too). */
    public CoreValueValidator<P> field(String component, String field) {
        return new CoreValueValidator<>(type, mapping, with(fields, component, field), unset, expected, own);
    }

    /**
     * The property {@code field} may be left unset, meaning {@code meaning}, which the core type does
     * not know of: its error says so ({@code (expected: >= 1, or unset for one per event loop)}).
     */
    public CoreValueValidator<P> unsetMeans(String field, String meaning) {
        return new CoreValueValidator<>(type, mapping, fields, with(unset, field, meaning), expected, own);
    }

    /**
     * The error of the property {@code field} states its range as {@code expectation}, in the
     * properties' terms, where the core's words would mislead: a range whose ends the core checks
     * one at a time ({@code > 0}, then {@code <= 2147483647 ms}) is shown whole, and a rule
     * naming another core component names its property. The value is still checked by the core.
     */
    public CoreValueValidator<P> expected(String field, String expectation) {
        return new CoreValueValidator<>(type, mapping, fields, unset, with(expected, field, expectation), own);
    }

    /**
     * A check of the property's own, for a rule no core type states (a socket path the link's
     * options take as given, a capacity checked in a package this one must not depend on): run
     * after the mapping, whether the core refused a value or not; it rejects through {@code errors}.
     */
    public CoreValueValidator<P> and(BiConsumer<? super P, Errors> check) {
        requireNonNull(check, "check");
        BiConsumer<? super P, Errors> before = own;
        return new CoreValueValidator<>(type, mapping, fields, unset, expected, (p, errors) -> {
            before.accept(p, errors);
            check.accept(p, errors);
        });
    }

    /**
     * A size as the {@code int} count of bytes a core type takes, held at {@code int}'s bounds:
     * a size beyond them reaches the core as the nearest bound, which the core's own range then
     * refuses (and the error shows the property's value), where a plain narrowing, such as
     * {@code PropertyMapper}'s {@code asInt}, would wrap it into a value the core might accept.
     */
    public static int intBytes(DataSize size) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, size.toBytes()));
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> more = new HashMap<>(map);
        more.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
        return Map.copyOf(more);
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return type.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        P properties = type.cast(target);
        try {
            mapping.accept(properties);
        } catch (InvalidValueException refused) {
            reject(errors, refused);
        }
        own.accept(properties, errors);
    }

    private void reject(Errors errors, InvalidValueException refused) {
        String field = field(refused.name());
        Object value;
        try {
            value = errors.getFieldValue(field);
        } catch (NotReadablePropertyException notAProperty) {
            errors.reject("range", refused.getMessage());
            return;
        }
        String shownExpected = expected.get(field);
        if (shownExpected == null) {
            shownExpected = value instanceof DataSize ? sizes(refused.expected()) : refused.expected();
        }
        String meaning = unset.get(field);
        if (meaning != null) {
            shownExpected += ", or unset for " + meaning;
        }
        errors.rejectValue(field, "range", shown(value) + " (expected: " + shownExpected + ")");
    }

    /** The property a component is bound from: {@code overrides[db]} is {@code targets[db]} when overrides is targets. */
    private String field(String component) {
        int bracket = component.indexOf('[');
        String base = bracket < 0 ? component : component.substring(0, bracket);
        String rest = bracket < 0 ? "" : component.substring(bracket);
        return fields.getOrDefault(base, base) + rest;
    }

    private static String shown(@Nullable Object value) {
        return value instanceof CharSequence text ? "'" + text + "'" : String.valueOf(value);
    }

    /** {@code ">= 1"} as {@code ">= 1B"}, {@code "256..1048576"} as {@code "256B..1MB"}. */
    static String sizes(String expected) {
        return NUMBER.matcher(expected).replaceAll(m -> size(Long.parseLong(m.group())));
    }

    private static String size(long bytes) {
        for (int i = 0; i < UNITS.length; i++) {
            if (bytes != 0 && bytes % UNITS[i] == 0) {
                return bytes / UNITS[i] + UNIT_NAMES[i];
            }
        }
        return bytes + "B";
    }
}
