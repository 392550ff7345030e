package io.zerver.core.slot;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named, typed key for one cell of per-request state.
 *
 * <p>Slots are compared by identity: two slots with the same name are different slots.
 * Declare them once, as constants, and share them between the steps that write and read
 * them. A slot is written at most once per request.
 *
 * @param <T> the type of the value the slot holds
 */
public final class Slot<T> {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final String name;
    private final Class<?> type;
    private final int id;

    private Slot(String name, Class<?> type) {
        this.name = name;
        this.type = type;
        this.id = IDS.getAndIncrement();
    }

    /**
     * A slot holding values of {@code type}; writes are checked against it. A primitive
     * type stands for its wrapper ({@code int.class} holds {@code Integer}s).
     */
    public static <T> Slot<T> of(String name, Class<T> type) {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: not blank)");
        }
        return new Slot<>(name, type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type);
    }

    /**
     * A slot for a generic type ({@code List<Todo>}); writes are checked against the raw
     * type only.
     */
    @SuppressWarnings("unchecked")
    public static <T> Slot<T> ofRaw(String name, Class<? super T> rawType) {
        return (Slot<T>) of(name, rawType);
    }

    public String name() {
        return name;
    }

    public Class<?> type() {
        return type;
    }

    /** A process-wide unique number, stable for the life of the slot. */
    public int id() {
        return id;
    }

    /** Checks that {@code value} fits this slot and returns it typed. */
    @SuppressWarnings("unchecked")
    public T cast(Object value) {
        requireNonNull(value, "value");
        if (!type.isInstance(value)) {
            throw new ClassCastException("slot '" + name + "' holds " + type.getName()
                    + ", not " + value.getClass().getName());
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return name;
    }
}
