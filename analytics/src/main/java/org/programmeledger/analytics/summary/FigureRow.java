package org.programmeledger.analytics.summary;

import org.programmeledger.analytics.aggregation.LinePart;
import java.util.Objects;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Side;

/**
 * Figures as they stand now (corrections applied), placed against the period being summarised: those of a line
 * that the database added up, or one figure.
 *
 * @param item the item's number; null for a fact of the plan period or the programme itself
 */
record FigureRow(boolean spanning, String planPeriod, Integer item, String itemTitle, String metric, Side side,
                 Basis basis, Aggregation aggregation, String unit, LinePart part) {

    /** Figures are combined only with figures of the same item, metric, unit, side and basis, inside the period. */
    boolean combinesWith(FigureRow other) {
        return !spanning && !other.spanning && planPeriod.equals(other.planPeriod) && Objects.equals(item, other.item)
                && metric.equals(other.metric) && unit.equals(other.unit) && side == other.side
                && basis == other.basis && aggregation == other.aggregation;
    }
}
