package io.zerver.core.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A configuration value a core type refuses, with what it would accept: the message reads
 * {@code "maxSlots: 0 (expected: >= 1)"}. Each range is stated once, where the value is taken
 * (a record's constructor, a builder's method); whoever maps its own settings onto the core type
 * (Spring Boot properties, for one) reads {@link #name()}, {@link #value()} and
 * {@link #expected()} to say which of its settings is wrong, without a copy of the range.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient @Nullable Object value;
    private final String expected;

    /**
     * @param name the component or parameter that was given the value, as named in the core type
     * @param value the value refused
     * @param expected what is accepted: {@code ">= 1"}, {@code "0..64"}, {@code "> 0"}
     */
    public InvalidValueException(String name, @Nullable Object value, String expected) {
        this(name, name, value, expected);
    }

    private InvalidValueException(String name, String label, @Nullable Object value, String expected) {
        super(label + ": " + value + " (expected: " + requireNonNull(expected, "expected") + ")");
        this.name = requireNonNull(name, "name");
        this.value = value;
        this.expected = expected;
    }

    /**
     * A value refused for one entry of a map-valued component: {@link #name()} is
     * {@code component[key]}, the message names the entry as {@code "<entry> of '<key>'"}.
     */
    public static InvalidValueException ofEntry(String component, String key, String entry, @Nullable Object value,
            String expected) {
        return new InvalidValueException(component + "[" + key + "]", entry + " of '" + key + "'", value, expected);
    }

    /** The component or parameter given the value: {@code maxSlots}, or {@code overrides[db]} for a map entry. */
    public String name() {
        return name;
    }

    /** The value refused. */
    public @Nullable Object value() {
        return value;
    }

    /** What would be accepted, without the value: {@code ">= 1"}. */
    public String expected() {
        return expected;
    }
}
