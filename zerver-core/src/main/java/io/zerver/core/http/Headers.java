package io.zerver.core.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable HTTP headers: an ordered list of name/value pairs, looked up without regard to
 * the case of the name.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(new String[0]);

    /** name0, value0, name1, value1, ... */
    private final String[] pairs;

    private Headers(String[] pairs) {
        this.pairs = pairs;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code of("Content-Type", "text/plain")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "namesAndValues: " + namesAndValues.length + " strings (expected: an even number)");
        }
        for (String s : namesAndValues) {
            requireNonNull(s, "header name or value");
        }
        return namesAndValues.length == 0 ? EMPTY : new Headers(namesAndValues.clone());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                return Optional.of(pairs[i + 1]);
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                values.add(pairs[i + 1]);
            }
        }
        return Collections.unmodifiableList(values);
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** The distinct names (ignoring case), in first-seen order and original case. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (seen.add(pairs[i].toLowerCase(Locale.ROOT))) {
                names.add(pairs[i]);
            }
        }
        return names;
    }

    public int size() {
        return pairs.length / 2;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /** A copy with {@code value} added to {@code name}. */
    public Headers with(String name, String value) {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
        String[] copy = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        copy[pairs.length] = name;
        copy[pairs.length + 1] = value;
        return new Headers(copy);
    }

    /** A copy where {@code name} has the single value {@code value}. */
    public Headers withOnly(String name, String value) {
        return without(name).with(name, value);
    }

    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        List<String> kept = new ArrayList<>(pairs.length);
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equalsIgnoreCase(name)) {
                kept.add(pairs[i]);
                kept.add(pairs[i + 1]);
            }
        }
        return new Headers(kept.toArray(new String[0]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && java.util.Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(pairs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((n, v) -> sb.append(sb.length() > 1 ? ", " : "").append(n).append(": ").append(v));
        return sb.append('}').toString();
    }

    /** Collects headers in order. */
    public static final class Builder {

        private final List<String> pairs = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            pairs.add(requireNonNull(name, "name"));
            pairs.add(requireNonNull(value, "value"));
            return this;
        }

        public Headers build() {
            return pairs.isEmpty() ? EMPTY : new Headers(pairs.toArray(new String[0]));
        }
    }
}
