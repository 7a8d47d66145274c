package org.programmeledger.ledger.service;

import java.sql.PreparedStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query read row by row. PostgreSQL's driver reads a whole result into memory unless it is given a fetch
 * size inside a transaction, so call this inside one: the heap then stays flat however long the ledger.
 */
public final class StreamedQuery {

    private static final int FETCH_SIZE = 500;

    private StreamedQuery() {
    }

    public static void each(JdbcTemplate jdbc, String sql, RowCallbackHandler rows, Object... arguments) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement;
        }, rows);
    }
}
