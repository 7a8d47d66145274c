package org.programmeledger.analytics.aggregation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.programmeledger.ledger.api.FigureValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How each figure of a plan period reads: its bound, or every value of a dispute, and what it is part of. */
@Component
public class StatedValues {

    /**
     * @param disputedValues every value sources give, when they disagree and none was adopted; empty otherwise
     * @param partOf the figure that already includes this one; null when none
     * @param ofThePeriod whether the figure is a fact of the plan period itself, of no item
     */
    public record Stated(Bound bound, List<Bound> disputedValues, String partOf, boolean ofThePeriod) {

        /** "more than 250", "between 300 and 400", "902 or 1090". */
        public String phrase() {
            return disputedValues.isEmpty() ? bound.phrase()
                    : disputedValues.stream().map(Bound::phrase).collect(Collectors.joining(" or "));
        }

        /** "more than 250 persons", "between 300 and 400 applications", "902 or 1090 applications". */
        public String phrase(String unit) {
            return phrase() + " " + unit;
        }
    }

    private final JdbcTemplate jdbc;
    private final DisputedValues disputes;

    StatedValues(JdbcTemplate jdbc, DisputedValues disputes) {
        this.jdbc = jdbc;
        this.disputes = disputes;
    }

    /** By figure id. */
    public Map<String, Stated> of(String periodId) {
        return jdbc.query("SELECT figure_id, figure_value, value_high, qualifier, part_of, disputed, item_number"
                        + " FROM view_figure WHERE period_id = ?", (row, n) -> {
                    BigDecimal high = row.getBigDecimal("value_high");
                    Bound bound = Bound.stated(row.getString("qualifier"),
                            FigureValues.normalise(row.getBigDecimal("figure_value")),
                            high == null ? null : FigureValues.normalise(high));
                    String figureId = row.getString("figure_id");
                    return Map.entry(figureId, new Stated(bound, row.getBoolean("disputed")
                            ? disputes.of(periodId, figureId) : List.of(), row.getString("part_of"),
                            row.getObject("item_number") == null));
                }, periodId).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
