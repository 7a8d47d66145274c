package org.programmeledger.analytics.aggregation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A line of an output: a sum of figures, a latest value, an earlier point, a figure on its own, a figure
 * already inside another, or a disputed figure with all its values.
 *
 * @param extentStart the earliest start among the figures
 * @param extentEnd the latest end among the figures
 * @param disputedValues a disputed figure's values; empty otherwise
 */
public record Combined(Shows shows, Bound bound, LocalDate extentStart, LocalDate extentEnd,
                       List<String> figureIds, List<Bound> disputedValues) {

    /** What a line shows, as its {@code shows} column says. */
    public enum Shows {
        /** The total of flows. */
        SUM("sum"),
        /** The latest value of a running total or level inside the period. */
        LATEST("latest"),
        /** An earlier value of a running total or level: a point, never added. */
        EARLIER("earlier"),
        /** A figure on its own: one that is never added, or one reaching beyond the period. */
        SINGLE("single"),
        /** A figure already included in another figure of the same line: listed, not added again. */
        PART_OF("part-of"),
        /** A figure whose sources disagree and none was adopted: every value, none added. */
        DISPUTED("disputed");

        private final String code;

        Shows(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The number of the total column; none for a disputed figure or mixed bounds. */
    public BigDecimal total() {
        return shows == Shows.DISPUTED ? null : bound.value();
    }

    public BigDecimal totalHigh() {
        return shows == Shows.DISPUTED ? null : bound.high();
    }

    public String qualifier() {
        return shows == Shows.DISPUTED ? "disputed" : bound.kind().code();
    }

    /** As a reader would say it: "more than 720", "disputed: 4000000 or 3950000". */
    public String statedAs() {
        return shows == Shows.DISPUTED
                ? "disputed: " + disputedValues.stream().map(Bound::phrase).collect(Collectors.joining(" or "))
                : bound.phrase();
    }
}
