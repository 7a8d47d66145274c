package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * One row of a period summary: the total of an item's figures for one metric, unit, side and basis
 * that lie inside the period, or a single figure whose extent reaches beyond the period, listed apart
 * and never pro-rated.
 */
record SummaryLine(ReportingPeriod period, boolean spanning, String planPeriod, int item, String itemTitle,
                   String metric, Side side, Basis basis, BigDecimal total, Qualifier qualifier, String unit,
                   LocalDate extentStart, LocalDate extentEnd, List<String> figureIds) {

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "placement", "plan_period",
            "item", "item_title", "metric", "side", "basis", "total", "qualifier", "stated_as", "unit", "figures",
            "extent_start", "extent_end", "figure_ids");

    static SummaryLine of(ReportingPeriod period, FigureRow first) {
        return new SummaryLine(period, first.spanning(), first.planPeriod(), first.item(), first.itemTitle(),
                first.metric(), first.side(), first.basis(), first.value(), first.qualifier(), first.unit(),
                first.extentStart(), first.extentEnd(), List.of(first.figureId()));
    }

    SummaryLine plus(FigureRow row) {
        List<String> ids = new ArrayList<>(figureIds);
        ids.add(row.figureId());
        return new SummaryLine(period, spanning, planPeriod, item, itemTitle, metric, side, basis,
                total.add(row.value()), qualifier.combine(row.qualifier()), unit,
                extentStart.isBefore(row.extentStart()) ? extentStart : row.extentStart(),
                extentEnd.isAfter(row.extentEnd()) ? extentEnd : row.extentEnd(), ids);
    }

    List<Object> cells() {
        return List.of(period.name(), period.from(), period.to(), spanning ? "spanning" : "within", planPeriod, item,
                itemTitle, metric, side.code(), basis.code(), total.toPlainString(), qualifier.code(),
                qualifier.phrase(total), unit, figureIds.size(), extentStart, extentEnd, String.join(";", figureIds));
    }
}
