package io.zerver.effects.sql;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import io.zerver.effects.jdbc.ConstraintViolations;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/** What a SQL effect's failure is to the engine: Spring's {@code DataAccessException} tree mapped to {@link ErrorKind}s. */
final class SqlErrors {

    static final String WHAT = "sql";

    private static final System.Logger LOG = System.getLogger(SqlErrors.class.getName());

    private SqlErrors() {
    }

    static Throwable toZerver(Throwable error) {
        if (error instanceof ZerverException) {
            return error;
        }
        ZerverError mapped = mapped(error);
        if (mapped != null) {
            return new ZerverException(mapped, error);
        }
        // Bad SQL, a wrong type, a missing table: not transient, so never retried, and logged
        // whole here, since the client and the timeline only see its kind.
        LOG.log(System.Logger.Level.WARNING, "a SQL effect failed", error);
        return new ZerverException(ZerverError.of(ErrorKind.INTERNAL, WHAT, "statement"), error);
    }

    private static @Nullable ZerverError mapped(Throwable error) {
        if (error instanceof RejectedExecutionException) {
            return ZerverError.of(ErrorKind.OVERLOADED, WHAT, "queue_full");
        }
        if (error instanceof EmptyResultDataAccessException) {
            return ZerverError.of(ErrorKind.NOT_FOUND, WHAT, "no_row");
        }
        if (error instanceof IncorrectResultSizeDataAccessException) {
            return ZerverError.of(ErrorKind.INTERNAL, WHAT, "more_than_one_row");
        }
        if (ConstraintViolations.isOne(error)) {
            // A unique key, a foreign key, a check: the request conflicts with what is stored.
            return ZerverError.of(ErrorKind.CONFLICT, WHAT, "constraint");
        }
        if (error instanceof QueryTimeoutException) {
            return ZerverError.of(ErrorKind.TIMEOUT, WHAT, "timeout");
        }
        if (error instanceof TransientDataAccessException || error instanceof RecoverableDataAccessException
                || error instanceof DataAccessResourceFailureException) {
            return ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, WHAT, "unavailable");
        }
        return null;
    }
}
