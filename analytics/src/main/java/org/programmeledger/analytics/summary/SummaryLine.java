package org.programmeledger.analytics.summary;

import org.programmeledger.analytics.aggregation.LinePart;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
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

    /** The figures of one group, gathered in the order they are read. */
    record Group(ReportingPeriod period, List<FigureRow> rows) {

        static Group of(ReportingPeriod period, FigureRow first) {
            return new Group(period, new ArrayList<>(List.of(first)));
        }

        Group plus(FigureRow row) {
            rows.add(row);
            return this;
        }

        List<SummaryLine> lines() {
            FigureRow first = rows.get(0);
            List<Combined> lines = first.spanning() ? List.of(Combination.apart(first.part().figure()))
                    : LinePart.lines(first.aggregation(), rows.stream().map(FigureRow::part).toList());
            return lines.stream().map(line -> new SummaryLine(period, first, line)).toList();
        }
    }

    List<Object> cells() {
        return List.of(period.name(), period.from(), period.to(), first.spanning() ? "spanning" : "within",
                first.planPeriod(), first.item() == null ? "" : first.item(), first.itemTitle(), first.metric(),
                first.side().code(), first.basis().code(), Cells.plain(line.total()), line.qualifier(), line.statedAs(),
                first.unit(), line.figureIds().size(), line.extentStart(), line.extentEnd(),
                String.join(";", line.figureIds()), first.aggregation().code(), line.shows().code(),
                Cells.plain(line.totalHigh()));
    }
}
