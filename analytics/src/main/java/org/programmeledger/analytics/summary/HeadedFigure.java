package org.programmeledger.analytics.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.jobs.UnreadableRowException;

/**
 * A figure as one of the breakdown's reads gives it: under one heading (its item's area, one lead organisation of
 * its item, or its side), with whether its whole is on the same line there.
 *
 * @param figure null when the row cannot be read
 * @param heading as the line shows it
 * @param endsOnLatestDay whether it ends on the latest day of its line's undisputed figures inside the period, as
 *     the database found it for a running total or level
 */
record HeadedFigure(PeriodFigure figure, UnreadableRowException unreadable, String heading,
                    boolean wholeOnTheLine, boolean endsOnLatestDay) {

    /** How a read finds a figure's heading and whether its whole is under it, in the columns after the figure's. */
    @FunctionalInterface
    interface Heading {
        HeadedFigure of(PeriodFigure figure, ResultSet row) throws SQLException;
    }

    static HeadedFigure unreadable(UnreadableRowException unreadable) {
        return new HeadedFigure(null, unreadable, null, false, false);
    }

    /** A flow inside the period: added up with the others of its line, or listed after their total. */
    boolean addsUp() {
        return !figure.spanning && Combination.adds(figure.aggregation);
    }

    /**
     * Whether it is added to the line started by {@code first}: flows inside the period of the same heading, metric,
     * unit, basis and aggregation. Every other figure is a line of its own, which the read gives in printed order.
     */
    boolean sameLineAs(HeadedFigure first) {
        PeriodFigure a = first.figure;
        return addsUp() && first.addsUp() && heading.equals(first.heading) && a.metric.equals(figure.metric)
                && a.unit.equals(figure.unit) && a.basisName.equals(figure.basisName)
                && a.aggregationName.equals(figure.aggregationName);
    }
}
