package io.zerver.autoconfigure.actuate;

/**
 * An extra section of the {@code zerver} actuator endpoint, for hosts that know more than the
 * engine does (the supervisor adds {@code features}). Define one as a bean: it appears in
 * {@code /actuator/zerver} under its name and at {@code /actuator/zerver/{name}}.
 */
public interface ZerverEndpointSection {

    /** The section's name; must not clash with the built-in sections. */
    String name();

    /** The section's content as maps, lists, strings, numbers and booleans. */
    Object describe();
}
