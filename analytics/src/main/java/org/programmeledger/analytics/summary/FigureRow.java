package org.programmeledger.analytics.summary;

import java.util.Objects;

/**
 * A figure as it stands now (corrections applied), placed against the period being summarised, with its item's
 * title.
 */
record FigureRow(PeriodFigure figure, String itemTitle) {

    /** Figures are combined only with figures of the same item, metric, unit, side and basis, inside the period. */
    boolean combinesWith(FigureRow other) {
        PeriodFigure a = figure;
        PeriodFigure b = other.figure;
        return !a.spanning && !b.spanning && a.planPeriod.equals(b.planPeriod) && Objects.equals(a.item, b.item)
                && a.metric.equals(b.metric) && a.unit.equals(b.unit) && a.side == b.side && a.basis == b.basis
                && a.aggregation == b.aggregation;
    }
}
