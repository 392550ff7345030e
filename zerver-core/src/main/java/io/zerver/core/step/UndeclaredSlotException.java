package io.zerver.core.step;

/** A step touched a slot it did not declare. */
public final class UndeclaredSlotException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public UndeclaredSlotException(String step, String access, String slot) {
        super("step '" + step + "' " + access + " undeclared slot '" + slot + "'");
    }
}
