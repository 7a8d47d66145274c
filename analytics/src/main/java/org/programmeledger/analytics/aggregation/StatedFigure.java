package org.programmeledger.analytics.aggregation;

import java.time.LocalDate;

/** One figure as its source states it, with the time it covers. */
public record StatedFigure(String figureId, Bound bound, LocalDate extentStart, LocalDate extentEnd) {
}
