package io.zerver.effects.jdbc;

/**
 * The key/value store cannot use its database: a database it has no dialect for, or tables that
 * are missing and may not be created ({@link SchemaInitialization}). The message says what to do.
 */
public final class UnusableDatabaseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    UnusableDatabaseException(String message) {
        super(message);
    }
}
