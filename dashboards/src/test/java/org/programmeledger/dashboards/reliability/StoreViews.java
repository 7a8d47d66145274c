package org.programmeledger.dashboards.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of every view of a store, to compare the views before and after a replay. */
final class StoreViews {

    /** Each view and the columns that order its rows. */
    private static final List<String[]> VIEWS = List.of(
            new String[] {"view_programme", "programme_id"}, new String[] {"view_period", "period_id"},
            new String[] {"view_organisation", "organisation_id"}, new String[] {"view_item", "period_id, item_number"},
            new String[] {"view_activity", "period_id, activity_id"}, new String[] {"view_figure", "period_id, figure_id"},
            new String[] {"view_position", "view_name"});

    private StoreViews() {
    }

    /** The rows, one line each ({@code view | column | …}), read from the store's file while no process holds it. */
    static List<String> dump(Path store) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("ledger"), "sa", "");
             Statement statement = connection.createStatement()) {
            for (String[] view : VIEWS) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + view[0] + " ORDER BY " + view[1])) {
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(view[0]);
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
