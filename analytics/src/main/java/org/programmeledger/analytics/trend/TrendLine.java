package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * A line of a trend series: the total of the flow figures of one side and unit inside one bucket with the
 * running total of such buckets so far ({@code within}); a flow figure spanning buckets, whole
 * ({@code spanning}); or a cumulative figure as recorded, from its base date to the date it counts up to
 * ({@code recorded-point}). Each side and unit is a series of its own: {@code otherUnits} names the units
 * the metric's other series are in, never added to this one.
 */
record TrendLine(String metric, String bucketName, ReportingPeriod bucket, String placement, Basis basis,
                 BigDecimal total, Qualifier qualifier, String unit, Side side, LocalDate extentStart,
                 LocalDate extentEnd, List<String> figureIds, BigDecimal runningTotal, Qualifier runningQualifier,
                 List<String> otherUnits) {

    static final List<String> HEADER = List.of("metric", "bucket", "bucket_start", "bucket_end", "placement",
            "basis", "total", "qualifier", "stated_as", "unit", "side", "figures", "extent_start", "extent_end",
            "figure_ids", "running_total", "running_qualifier", "running_stated_as", "other_units");

    static TrendLine within(String metric, TrendRow row, List<String> units) {
        return new TrendLine(metric, row.bucket().name(), row.bucket(), "within", row.basis(), row.value(),
                row.qualifier(), row.unit(), row.side(), row.extentStart(), row.extentEnd(), List.of(row.figureId()),
                null, null, others(units, row.unit()));
    }

    static TrendLine apart(String metric, TrendRow row, List<String> units) {
        return new TrendLine(metric, "", null, row.basis() == Basis.CUMULATIVE ? "recorded-point" : "spanning",
                row.basis(), row.value(), row.qualifier(), row.unit(), row.side(), row.extentStart(), row.extentEnd(),
                List.of(row.figureId()), null, null, others(units, row.unit()));
    }

    private static List<String> others(List<String> units, String unit) {
        return units.stream().filter(other -> !other.equals(unit)).toList();
    }

    boolean takes(TrendRow row) {
        return bucket.equals(row.bucket()) && unit.equals(row.unit()) && side == row.side();
    }

    /** True when a line of the same series (side and unit) may follow this one in a running total. */
    boolean sameSeries(TrendLine other) {
        return other != null && unit.equals(other.unit) && side == other.side;
    }

    TrendLine plus(TrendRow row) {
        List<String> ids = new ArrayList<>(figureIds);
        ids.add(row.figureId());
        return new TrendLine(metric, bucketName, bucket, placement, basis, total.add(row.value()),
                qualifier.combine(row.qualifier()), unit, side,
                extentStart.isBefore(row.extentStart()) ? extentStart : row.extentStart(),
                extentEnd.isAfter(row.extentEnd()) ? extentEnd : row.extentEnd(), ids, null, null, otherUnits);
    }

    TrendLine running(BigDecimal runningTotal, Qualifier runningQualifier) {
        return new TrendLine(metric, bucketName, bucket, placement, basis, total, qualifier, unit, side, extentStart,
                extentEnd, figureIds, runningTotal, runningQualifier, otherUnits);
    }

    List<Object> cells() {
        return List.of(metric, bucketName, bucket == null ? "" : bucket.from(), bucket == null ? "" : bucket.to(),
                placement, basis.code(), total.toPlainString(), qualifier.code(), qualifier.phrase(total), unit,
                side.code(), figureIds.size(), extentStart, extentEnd, String.join(";", figureIds),
                runningTotal == null ? "" : runningTotal.toPlainString(),
                runningQualifier == null ? "" : runningQualifier.code(),
                runningTotal == null ? "" : runningQualifier.phrase(runningTotal), String.join(";", otherUnits));
    }
}
