package org.programmeledger.analytics.summary;

import java.time.LocalDate;
import org.programmeledger.analytics.aggregation.Aggregation;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Side;

/** One figure as it stands now (corrections applied), placed against the period being summarised. */
record FigureRow(boolean spanning, String planPeriod, int item, String itemTitle, String figureId, String metric,
                 Side side, Basis basis, Aggregation aggregation, Bound bound, String unit, LocalDate extentStart,
                 LocalDate extentEnd) {

    /** Figures are combined only with figures of the same item, metric, unit, side and basis, inside the period. */
    boolean combinesWith(FigureRow other) {
        return !spanning && !other.spanning && planPeriod.equals(other.planPeriod) && item == other.item
                && metric.equals(other.metric) && unit.equals(other.unit) && side == other.side
                && basis == other.basis && aggregation == other.aggregation;
    }

    StatedFigure stated() {
        return new StatedFigure(figureId, bound, extentStart, extentEnd);
    }
}
