package org.programmeledger.analytics.aggregation;

/** The figures that include a figure, in SQL: its whole, that one's whole and so on ({@code view_figure_whole}). */
public final class IncludingFigures {

    private IncludingFigures() {
    }

    /**
     * FROM and WHERE over every figure {@code w} that includes {@code figure} (a table alias of view_figure) and
     * counts what it counts (its metric and unit), not retracted; the caller adds what puts {@code w} on its line.
     */
    public static String of(String figure) {
        return "FROM view_figure_whole c JOIN view_figure w ON w.period_id = c.period_id AND w.figure_id = c.whole_id "
                + "WHERE c.period_id = " + figure + ".period_id AND c.figure_id = " + figure + ".figure_id "
                + "AND w.retracted = FALSE AND w.metric = " + figure + ".metric AND w.unit = " + figure + ".unit";
    }
}
