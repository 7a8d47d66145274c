package org.programmeledger.analytics.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.programmeledger.analytics.jobs.UnreadableRowException;

/**
 * A figure as one of the breakdown's reads gives it: under one heading (its item's area, one lead organisation of
 * its item, or its side), with whether a figure that includes it is on the same line there.
 *
 * @param figure null when the row cannot be read
 * @param heading as the line shows it
 */
record HeadedFigure(PeriodFigure figure, UnreadableRowException unreadable, String heading) {

    /** How a read finds a figure's heading, in the columns after the figure's. */
    @FunctionalInterface
    interface Heading {
        HeadedFigure of(PeriodFigure figure, ResultSet row) throws SQLException;
    }

    static HeadedFigure unreadable(UnreadableRowException unreadable) {
        return new HeadedFigure(null, unreadable, null);
    }

    /** Whether it goes to the line started by {@code first}: the same heading, metric, unit, basis, aggregation. */
    boolean sameLineAs(HeadedFigure first) {
        PeriodFigure a = first.figure;
        return !a.spanning && !figure.spanning && heading.equals(first.heading) && a.metric.equals(figure.metric)
                && a.unit.equals(figure.unit) && a.basisName.equals(figure.basisName)
                && a.aggregationName.equals(figure.aggregationName);
    }
}
