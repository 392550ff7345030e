package io.zerver.effects.jdbc;

import io.zerver.core.error.ErrorKind;
import io.zerver.core.error.ZerverError;
import io.zerver.core.error.ZerverException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.RejectedExecutionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.ClassUtils;

/**
 * Turns what JDBC throws into the errors effects fail with: a database that cannot answer
 * (down, locked past the busy timeout, pool exhausted) is UpstreamUnavailable, which the
 * engine may retry; a broken constraint is a bug, so Internal; a full queue is Overloaded.
 */
final class JdbcErrors {

    static final String WHAT = "db";

    /** Whether sqlite-jdbc is on the class path: its constraint failures carry no SQL state. */
    private static final boolean SQLITE = ClassUtils.isPresent("org.sqlite.SQLiteException",
            JdbcErrors.class.getClassLoader());

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
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataIntegrityViolationException || t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (SQLITE && t instanceof SQLiteException sqlite
                    && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
