package io.zerver.core.step;

/** A slot was required but never written, or written twice. */
public final class SlotStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SlotStateException(String message) {
        super(message);
    }
}
