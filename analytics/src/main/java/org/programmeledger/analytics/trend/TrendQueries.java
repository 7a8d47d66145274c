package org.programmeledger.analytics.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads trend series from the views. */
@Component
public class TrendQueries {

    private final JdbcTemplate jdbc;
    private final LedgerViews views;

    TrendQueries(JdbcTemplate jdbc, LedgerViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    /** Every cumulative figure of a metric (for one side, or all when side is null), oldest first. */
    public TrendSeries cumulative(String metric, Side side) {
        List<Object> arguments = new ArrayList<>(List.of(metric));
        String sideFilter = "";
        if (side != null) {
            sideFilter = " AND side = ?";
            arguments.add(side.name());
        }
        List<TrendPoint> points = jdbc.query("SELECT extent_start, extent_end, figure_value, qualifier, unit, figure_id"
                        + " FROM view_figure WHERE metric = ? AND basis = 'CUMULATIVE' AND retracted = FALSE"
                        + sideFilter + " ORDER BY extent_end, extent_start, period_id, figure_id",
                (row, n) -> new TrendPoint(row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class),
                        FigureValues.normalise(row.getBigDecimal(3)), Qualifier.valueOf(row.getString(4)),
                        row.getString(5), row.getString(6)),
                arguments.toArray());
        return new TrendSeries(metric, side, points, views.position());
    }
}
