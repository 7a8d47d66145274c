package org.programmeledger.analytics.summary;

import java.time.LocalDate;
import java.util.Objects;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Side;

/**
 * One figure as it stands now (corrections applied), placed against the period being summarised.
 *
 * @param item the item's number; null for a fact of the plan period or the programme itself
 */
record FigureRow(boolean spanning, String planPeriod, Integer item, String itemTitle, String metric, Side side,
                 Basis basis, Aggregation aggregation, String unit, StatedFigure figure) {

    /** Figures are combined only with figures of the same item, metric, unit, side and basis, inside the period. */
    boolean combinesWith(FigureRow other) {
        return !spanning && !other.spanning && planPeriod.equals(other.planPeriod) && Objects.equals(item, other.item)
                && metric.equals(other.metric) && unit.equals(other.unit) && side == other.side
                && basis == other.basis && aggregation == other.aggregation;
    }

    LocalDate extentStart() {
        return figure.extentStart();
    }
}
