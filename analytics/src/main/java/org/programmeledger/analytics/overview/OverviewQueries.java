package org.programmeledger.analytics.overview;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts for the one-screen summaries of the command line. */
@Component
public class OverviewQueries {

    private final JdbcTemplate jdbc;

    OverviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PeriodOverview> periods() {
        return jdbc.query("SELECT p.period_id, p.label, g.name FROM view_period p "
                        + "JOIN view_programme g ON g.programme_id = p.programme_id ORDER BY p.starts_on, p.period_id",
                (row, n) -> overview(row.getString(1), row.getString(2), row.getString(3)));
    }

    private PeriodOverview overview(String periodId, String label, String programmeName) {
        return new PeriodOverview(programmeName, periodId, label,
                count("SELECT COUNT(*) FROM view_item WHERE period_id = ?", periodId),
                count("SELECT COUNT(*) FROM view_item WHERE period_id = ? AND status = 'COMPLETED'", periodId),
                jdbc.queryForList("SELECT item_number FROM view_item WHERE period_id = ? AND new_in_period "
                        + "ORDER BY item_number", Integer.class, periodId),
                count("SELECT COUNT(*) FROM view_activity WHERE period_id = ? AND NOT retracted", periodId),
                count("SELECT COUNT(*) FROM view_figure WHERE period_id = ? AND NOT retracted", periodId));
    }

    private int count(String sql, String periodId) {
        Integer count = jdbc.queryForObject(sql, Integer.class, periodId);
        return count == null ? 0 : count;
    }
}
