package org.programmeledger.analytics.summary;

import java.util.List;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.jobs.Weighed;
import org.programmeledger.analytics.reads.ReportingPeriod;

/**
 * A row of the breakdown: under one heading (an area, an organisation, a side), the figures of one metric
 * inside the period combined as the metric allows (a total, or a latest value and earlier points, or each
 * alone), or one figure reaching beyond the period, listed apart and whole.
 */
record BreakdownLine(ReportingPeriod period, BreakdownRow first, Combined line) {

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "dimension", "heading",
            "placement", "metric", "basis", "total", "qualifier", "stated_as", "unit", "figures", "extent_start",
            "extent_end", "figure_ids", "aggregation", "shows", "total_high");

    /**
     * The figures under one heading inside the period, or one figure reaching beyond it.
     *
     * @param figures those inside the period; null for a figure reaching beyond it
     * @param spanning the figure reaching beyond the period; null for those inside it
     */
    record Group(ReportingPeriod period, BreakdownRow first, LineFigures figures, StatedFigure spanning)
            implements Weighed {

        /** The figures it holds, listed or kept as stated: a block of lines is bounded by them. */
        @Override
        public int weight() {
            return figures == null ? 1 : 1 + figures.held();
        }

        List<BreakdownLine> lines() {
            List<Combined> lines = spanning != null ? List.of(Combination.apart(spanning))
                    : figures.lines(first.aggregation());
            return lines.stream().map(line -> new BreakdownLine(period, first, line)).toList();
        }
    }

    List<Object> cells() {
        return List.of(period.name(), period.from(), period.to(), first.dimension(), first.heading(),
                first.spanning() ? "spanning" : "within", first.metric(), first.basis().code(),
                Cells.plain(line.total()), line.qualifier(), line.statedAs(), first.unit(), line.figureIds().size(),
                line.extentStart(), line.extentEnd(), String.join(";", line.figureIds()),
                first.aggregation().code(), line.shows().code(), Cells.plain(line.totalHigh()));
    }
}
