package org.programmeledger.analytics.aggregation;

import java.time.LocalDate;
import java.util.List;

/**
 * One figure as its source states it, with the time it covers.
 *
 * @param planPeriod the plan period the figure is recorded in ('' for a programme's own fact)
 * @param partOf the figure of the same plan period that already includes this one; null when none
 * @param disputedValues every value sources give for a disputed figure, in the order recorded; empty when
 *     the figure has one value or one was adopted
 */
public record StatedFigure(String planPeriod, String figureId, Bound bound, LocalDate extentStart,
                           LocalDate extentEnd, String partOf, List<Bound> disputedValues) {

    /** A figure with one value that is part of no other. */
    public StatedFigure(String figureId, Bound bound, LocalDate extentStart, LocalDate extentEnd) {
        this("", figureId, bound, extentStart, extentEnd, null, List.of());
    }

    boolean disputed() {
        return !disputedValues.isEmpty();
    }
}
