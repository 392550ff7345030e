package io.zerver.effects.jdbc;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.dao.DataAccessException;

/**
 * Turns what JDBC throws into the errors effects fail with: a database that cannot answer
 * (down, locked past the busy timeout, pool exhausted) is UpstreamUnavailable, which the
 * engine may retry; a broken constraint is a bug, so Internal; a full queue is Overloaded.
 */
final class JdbcErrors {

    static final String WHAT = "db";

    private JdbcErrors() {
    }

    static Throwable toZerver(Throwable error) {
        if (error instanceof ZerverException) {
            return error;
        }
        if (error instanceof RejectedExecutionException) {
            return new ZerverException(ErrorKind.OVERLOADED, WHAT, "queue_full");
        }
        if (error instanceof UnusableDatabaseException) {
            // Not transient: retrying cannot create a table or change the database.
            return new ZerverException(ZerverError.of(ErrorKind.INTERNAL, WHAT, "unusable_database"), error);
        }
        if (isConstraintViolation(error)) {
            return new ZerverException(ZerverError.of(ErrorKind.INTERNAL, WHAT, "constraint"), error);
        }
        if (error instanceof SQLException || error instanceof DataAccessException) {
            return new ZerverException(ZerverError.of(ErrorKind.UPSTREAM_UNAVAILABLE, WHAT, "unavailable"), error);
        }
        return error;
    }

    static boolean isConstraintViolation(Throwable error) {
        return ConstraintViolations.isOne(error);
    }
}
