package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.util.List;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Side;

/**
 * A line of a trend series: the total of the flow figures inside one bucket with the running total of
 * such buckets so far ({@code within}; a figure part of another in the bucket, or disputed, is listed after
 * it and not added); a flow figure spanning buckets, whole ({@code spanning}); or a figure of a metric that
 * is never added (a running total, a level, a ratio, a distinct count) as recorded ({@code recorded-point}).
 * Totals keep their bounds ({@link Bound}). Each side and unit is a series of its own: {@code otherUnits} names
 * the units the metric's other series are in, never added to this one.
 */
record TrendLine(String metric, ReportingPeriod bucket, String placement, Basis basis, Aggregation aggregation,
                 String unit, Side side, Combined line, Bound running, List<String> otherUnits) {

    static final List<String> HEADER = List.of("metric", "bucket", "bucket_start", "bucket_end", "placement",
            "basis", "total", "qualifier", "stated_as", "unit", "side", "figures", "extent_start", "extent_end", "figure_ids",
            "running_total", "running_qualifier", "running_stated_as", "aggregation", "shows", "total_high",
            "running_total_high", "other_units");

    static TrendLine within(String metric, ReportingPeriod bucket, TrendRow first, Combined line, Bound running,
                            List<String> units) {
        return new TrendLine(metric, bucket, "within", first.basis(), first.aggregation(), first.unit(), first.side(),
                line, running, others(units, first.unit()));
    }

    static TrendLine apart(String metric, TrendRow row, List<String> units) {
        return new TrendLine(metric, null, Combination.adds(row.aggregation()) ? "spanning" : "recorded-point",
                row.basis(), row.aggregation(), row.unit(), row.side(), Combination.apart(row.part().figure()), null,
                others(units, row.unit()));
    }

    private static List<String> others(List<String> units, String unit) {
        return units.stream().filter(other -> !other.equals(unit)).toList();
    }

    List<Object> cells() {
        return List.of(metric, bucket == null ? "" : bucket.name(), bucket == null ? "" : bucket.from(),
                bucket == null ? "" : bucket.to(), placement, basis.code(), plain(line.total()), line.qualifier(),
                line.statedAs(), unit, side.code(), line.figureIds().size(), line.extentStart(), line.extentEnd(),
                String.join(";", line.figureIds()), running == null ? "" : plain(running.value()),
                running == null ? "" : running.kind().code(), running == null ? "" : running.phrase(),
                aggregation.code(), line.shows().code(), plain(line.totalHigh()),
                running == null ? "" : plain(running.high()), String.join(";", otherUnits));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
