package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;

/**
 * A total of one metric under one heading (an area, an organisation, a side) inside the period, or
 * one figure reaching beyond the period, listed apart and whole.
 */
record BreakdownLine(ReportingPeriod period, String dimension, String heading, boolean spanning, String metric,
                     Basis basis, BigDecimal total, Qualifier qualifier, String unit, LocalDate extentStart,
                     LocalDate extentEnd, List<String> figureIds) {

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "dimension", "heading",
            "placement", "metric", "basis", "total", "qualifier", "stated_as", "unit", "figures", "extent_start",
            "extent_end", "figure_ids");

    static BreakdownLine of(ReportingPeriod period, BreakdownRow first) {
        return new BreakdownLine(period, first.dimension(), first.heading(), first.spanning(), first.metric(),
                first.basis(), first.value(), first.qualifier(), first.unit(), first.extentStart(), first.extentEnd(),
                List.of(first.figureId()));
    }

    BreakdownLine plus(BreakdownRow row) {
        List<String> ids = new ArrayList<>(figureIds);
        ids.add(row.figureId());
        return new BreakdownLine(period, dimension, heading, spanning, metric, basis, total.add(row.value()),
                qualifier.combine(row.qualifier()), unit,
                extentStart.isBefore(row.extentStart()) ? extentStart : row.extentStart(),
                extentEnd.isAfter(row.extentEnd()) ? extentEnd : row.extentEnd(), ids);
    }

    List<Object> cells() {
        return List.of(period.name(), period.from(), period.to(), dimension, heading, spanning ? "spanning" : "within",
                metric, basis.code(), total.toPlainString(), qualifier.code(), qualifier.phrase(total), unit,
                figureIds.size(), extentStart, extentEnd, String.join(";", figureIds));
    }
}
