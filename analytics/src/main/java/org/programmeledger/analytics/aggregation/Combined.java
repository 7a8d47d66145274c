package org.programmeledger.analytics.aggregation;

import java.time.LocalDate;
import java.util.List;

/**
 * A line of an output: a sum of figures, a latest value, an earlier point, or a figure on its own.
 *
 * @param extentStart the earliest start among the figures
 * @param extentEnd the latest end among the figures
 */
public record Combined(Shows shows, Bound bound, LocalDate extentStart, LocalDate extentEnd,
                       List<String> figureIds) {

    /** What a line shows, as its {@code shows} column says. */
    public enum Shows {
        /** The total of flows. */
        SUM("sum"),
        /** The latest value of a running total or level inside the period. */
        LATEST("latest"),
        /** An earlier value of a running total or level: a point, never added. */
        EARLIER("earlier"),
        /** A figure on its own: one that is never added, or one reaching beyond the period. */
        SINGLE("single");

        private final String code;

        Shows(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
