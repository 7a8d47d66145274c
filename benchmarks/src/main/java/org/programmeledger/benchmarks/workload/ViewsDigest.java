package org.programmeledger.benchmarks.workload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.ledger.hashing.Sha256;

/**
 * A digest of every row of every read model, read in key order with a streaming cursor, so that two
 * states of the views can be compared at any size without holding them in memory.
 */
public final class ViewsDigest {

    private ViewsDigest() {
    }

    /** The digest and the number of rows it covers. */
    public record Digest(String sha256, long rows) {
    }

    public static Digest of(Connection connection) throws SQLException {
        MessageDigest sha256 = Sha256.digest();
        long rows = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            for (Map.Entry<String, String> view : ReadModels.everyViewRowInOrder().entrySet()) {
                try (ResultSet row = statement.executeQuery(view.getValue())) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder(view.getKey());
                        for (int column = 1; column <= columns; column++) {
                            line.append('|').append(row.getString(column));
                        }
                        sha256.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                        rows++;
                    }
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        return new Digest(Sha256.hex(sha256.digest()), rows);
    }

}
