package io.zerver.core.route;

/**
 * A request path that cannot be decoded; {@link RouteTable#match} turns it into
 * {@link RouteMatch.BadPath}. Carries no stack trace: it is thrown on client input.
 */
final class MalformedPathException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedPathException(String message) {
        super(message, null, false, false);
    }
}
