package org.programmeledger.dashboards.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.programmeledger.analytics.facade.ReadModels;

/** Every row of every view of a store, to compare the views before and after a replay. */
final class StoreViews {

    private StoreViews() {
    }

    /** The rows, one line each ({@code view | column | …}), read from the store's file while no process holds it. */
    static List<String> dump(Path store) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("ledger"), "sa", "");
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> view : ReadModels.everyViewRowInOrder().entrySet()) {
                try (ResultSet result = statement.executeQuery(view.getValue())) {
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(view.getKey());
                        for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                            row.append(" | ").append(result.getString(column));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
