package org.programmeledger.dashboards.views;

import java.math.BigDecimal;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/** A figure as it stands now: a correction replaces the value and is marked. */
public record FigureView(String figureId, int itemNumber, String activityId, String metric, BigDecimal value,
                         String unit, Qualifier qualifier, Side side, Extent extent, String basis, boolean corrected,
                         boolean retracted) {

    /** The value as a reader would say it, with its qualifier and unit: "more than 250 persons". */
    public String stated() {
        return qualifier.phrase(value) + " " + unit;
    }

    /** The metric as words: "valid applications". */
    public String metricLabel() {
        return metric.replace('-', ' ');
    }

    public boolean cumulative() {
        return "CUMULATIVE".equals(basis);
    }
}
