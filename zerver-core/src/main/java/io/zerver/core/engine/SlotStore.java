package io.zerver.core.engine;

import static java.util.Objects.requireNonNull;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverException;
import io.zerver.core.slot.Slot;
import io.zerver.core.step.SlotStateException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The slots of one request: each written at most once, by a step, an effect or a seed, and
 * no more of them than the request limits allow.
 */
final class SlotStore {

    /** Made on the first write. */
    private @Nullable Map<Slot<?>, Object> values;
    private final int maxSlots;

    SlotStore(int maxSlots) {
        this.maxSlots = maxSlots;
    }

    @SuppressWarnings("unchecked")
    <T> @Nullable T read(Slot<T> slot) {
        Map<Slot<?>, Object> written = values;
        return written == null ? null : (T) written.get(slot);
    }

    /**
     * Writes {@code slot}; {@code writer} names who writes it in the error of a second write.
     *
     * @throws SlotStateException when {@code slot} was written before
     * @throws ZerverException (overloaded) when the request already has its maximum of slots
     */
    void write(Slot<?> slot, Object value, String writer) {
        requireNonNull(value, () -> "value of slot '" + slot.name() + "'");
        Object typed = slot.cast(value);
        Map<Slot<?>, Object> written = values;
        if (written == null) {
            written = new HashMap<>();
            values = written;
        }
        if (written.containsKey(slot)) {
            throw new SlotStateException("slot '" + slot.name() + "' written twice (second writer: '" + writer
                    + "'); a slot is written at most once per request");
        }
        if (written.size() >= maxSlots) {
            throw new ZerverException(ErrorKind.OVERLOADED, "request", "slots_per_request");
        }
        written.put(slot, typed);
    }
}
