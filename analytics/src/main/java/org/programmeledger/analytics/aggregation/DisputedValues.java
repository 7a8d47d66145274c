package org.programmeledger.analytics.aggregation;

import java.util.List;
import org.programmeledger.ledger.api.FigureValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The values sources give for a disputed figure, read from the views. */
@Component
public class DisputedValues {

    private final JdbcTemplate jdbc;

    DisputedValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every value of the figure in the order recorded (the first recorded, or its correction, first). */
    public List<Bound> of(String planPeriod, String figureId) {
        return jdbc.query("SELECT figure_value, value_high, qualifier FROM view_figure_value"
                        + " WHERE period_id = ? AND figure_id = ? ORDER BY value_number",
                (row, n) -> Bound.stated(row.getString("qualifier"), FigureValues.normalise(row.getBigDecimal(1)),
                        row.getBigDecimal(2) == null ? null : FigureValues.normalise(row.getBigDecimal(2))),
                planPeriod, figureId);
    }
}
