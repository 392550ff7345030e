package io.zerver.autoconfigure.actuate;

/**
 * An extra section of the {@code zerver} actuator endpoint, for hosts that know more than the
 * engine does (the supervisor adds {@code features}). Define one as a bean: it appears in
 * {@code /actuator/zerver} under its name and at {@code /actuator/zerver/{name}}, and may
 * offer an action at {@code POST /actuator/zerver/{name}/{target}}.
 */
public interface ZerverEndpointSection {

    /** The section's name; must not clash with the built-in sections. */
    String name();

    /**
     * The section's content as plain Java values the actuator's JSON mapper writes directly:
     * records, maps, lists, strings, numbers and booleans (no JSON text).
     */
    Object describe();

    /**
     * Acts on {@code target} within the section ({@code POST /actuator/zerver/{name}/{target}}),
     * e.g. the supervisor reloads a feature. Sections without actions keep the default.
     *
     * @return the outcome, shown to the caller
     * @throws UnsupportedOperationException when the section has no actions
     * @throws IllegalArgumentException when {@code target} names nothing (answered 400)
     */
    default Object act(String target) {
        throw new UnsupportedOperationException("the " + name() + " section has no actions");
    }
}
