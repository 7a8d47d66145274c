package org.programmeledger.ledger.service;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, out of connections) from
 * any other. Spring, Axon and the JDBC driver each wrap it their own way, so the whole cause chain is read.
 */
public final class StoreUnavailable {

    /**
     * What HikariCP throws, without an SQLSTATE, when a command goes on using a connection that the pool
     * closed because the database dropped it.
     */
    private static final String CLOSED_BY_POOL = "Connection is closed";
    /**
     * H2's "The database has been closed", which a batch insert reports as a plain SQLException: H2 closes a store
     * whose write failed (a full disk), and Axon's engine read that batch's failure as an event already inserted.
     */
    private static final String H2_CLOSED = "90098";

    private StoreUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> refusedConnection(cause)
                || cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && (isStartingOrStopping(sql.getSQLState())
                        || CLOSED_BY_POOL.equals(sql.getMessage()) || H2_CLOSED.equals(sql.getSQLState())));
    }

    /** A failure to get a connection: SQLSTATE class 08 ("connection exception") or its JDBC classes. */
    public static boolean refusedConnection(Throwable cause) {
        return cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    /** 57P01-57P03: PostgreSQL shutting down or starting. */
    private static boolean isStartingOrStopping(String state) {
        return state != null && state.startsWith("57P");
    }
}
