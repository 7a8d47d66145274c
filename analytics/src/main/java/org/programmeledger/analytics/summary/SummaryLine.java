package org.programmeledger.analytics.summary;

import java.util.List;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.reads.ReportingPeriod;

/**
 * A row of a period summary: for an item's figures of one metric, unit, side and basis inside the period,
 * their total when the metric adds up, or the latest value and the earlier points of a running total or
 * level, or each figure alone when it is never added; a figure whose extent reaches beyond the period is
 * listed apart and never pro-rated.
 */
record SummaryLine(ReportingPeriod period, FigureRow first, Combined line) {

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "placement", "plan_period",
            "item", "item_title", "metric", "side", "basis", "total", "qualifier", "stated_as", "unit", "figures",
            "extent_start", "extent_end", "figure_ids", "aggregation", "shows", "total_high");

    /** The figures of one line, gathered in the order they are read (their ids' order). */
    record Group(ReportingPeriod period, FigureRow first, LineFigures figures) {

        static Group of(ReportingPeriod period, FigureRow first) {
            return new Group(period, first, new LineFigures()).plus(first);
        }

        Group plus(FigureRow row) {
            PeriodFigure figure = row.figure();
            if (!figure.spanning) {
                figure.addTo(figures);
            }
            return this;
        }

        List<SummaryLine> lines() {
            PeriodFigure figure = first.figure();
            List<Combined> lines = figure.spanning ? List.of(Combination.apart(figure.stated()))
                    : figures.lines(figure.aggregation);
            return lines.stream().map(line -> new SummaryLine(period, first, line)).toList();
        }
    }

    List<Object> cells() {
        PeriodFigure figure = first.figure();
        return List.of(period.name(), period.from(), period.to(), figure.spanning ? "spanning" : "within",
                figure.planPeriod, figure.item == null ? "" : figure.item, first.itemTitle(), figure.metric,
                figure.side.code(), figure.basis.code(), Cells.plain(line.total()), line.qualifier(), line.statedAs(),
                figure.unit, line.figureIds().size(), line.extentStart(), line.extentEnd(),
                String.join(";", line.figureIds()), figure.aggregation.code(), line.shows().code(),
                Cells.plain(line.totalHigh()));
    }
}
