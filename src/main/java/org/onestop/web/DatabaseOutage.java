package org.onestop.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is out of reach (stopped, restarting, unreachable, or no pooled connection
 * within {@code spring.datasource.hikari.connection-timeout}). Such a request is answered 503 Service Unavailable with
 * {@code Retry-After} ({@link #RETRY_AFTER_SECONDS}) rather than 500: nothing was saved, and the same request will
 * work once the database is back, which the pool notices by itself.
 */
public final class DatabaseOutage {

    /** What {@code Retry-After} asks of a client while the database is out of reach. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseOutage() {
    }

    /** True if this failure, or anything that caused it, says the database could not be reached. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // SQL state class 08: connection exception (SQL standard), whatever the driver's own exception type.
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
