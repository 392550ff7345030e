package io.zerver.effects.jdbc;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.ClassUtils;

/**
 * Whether a JDBC failure is a broken constraint (unique, foreign key, check, not null), on every
 * database: Spring's translation, the JDBC subclass, SQL state class 23, and SQLite's result
 * code, since sqlite-jdbc's constraint failures carry no SQL state and Spring has no SQLite codes.
 */
public final class ConstraintViolations {

    /** Whether sqlite-jdbc is on the class path. */
    private static final boolean SQLITE = ClassUtils.isPresent("org.sqlite.SQLiteException",
            ConstraintViolations.class.getClassLoader());

    private ConstraintViolations() {
    }

    /** Whether {@code error}, or one of its causes, is a broken constraint. */
    public static boolean isOne(@Nullable Throwable error) {
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
