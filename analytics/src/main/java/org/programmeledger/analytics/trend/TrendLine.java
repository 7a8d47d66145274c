package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;

/**
 * A line of a trend series: the total of the flow figures inside one bucket with the running total of
 * such buckets so far ({@code within}); a flow figure spanning buckets, whole ({@code spanning}); or a
 * cumulative figure as recorded, from its base date to the date it counts up to ({@code recorded-point}).
 */
record TrendLine(String metric, String bucketName, ReportingPeriod bucket, String placement, Basis basis,
                 BigDecimal total, Qualifier qualifier, String unit, LocalDate extentStart, LocalDate extentEnd,
                 List<String> figureIds, BigDecimal runningTotal, Qualifier runningQualifier) {

    static final List<String> HEADER = List.of("metric", "bucket", "bucket_start", "bucket_end", "placement",
            "basis", "total", "qualifier", "stated_as", "unit", "figures", "extent_start", "extent_end", "figure_ids",
            "running_total", "running_qualifier", "running_stated_as");

    static TrendLine within(String metric, TrendRow row) {
        return new TrendLine(metric, row.bucket().name(), row.bucket(), "within", row.basis(), row.value(),
                row.qualifier(), row.unit(), row.extentStart(), row.extentEnd(), List.of(row.figureId()), null, null);
    }

    static TrendLine apart(String metric, TrendRow row) {
        return new TrendLine(metric, "", null, row.basis() == Basis.CUMULATIVE ? "recorded-point" : "spanning",
                row.basis(), row.value(), row.qualifier(), row.unit(), row.extentStart(), row.extentEnd(),
                List.of(row.figureId()), null, null);
    }

    boolean takes(TrendRow row) {
        return bucket.equals(row.bucket()) && unit.equals(row.unit());
    }

    TrendLine plus(TrendRow row) {
        List<String> ids = new ArrayList<>(figureIds);
        ids.add(row.figureId());
        return new TrendLine(metric, bucketName, bucket, placement, basis, total.add(row.value()),
                qualifier.combine(row.qualifier()), unit,
                extentStart.isBefore(row.extentStart()) ? extentStart : row.extentStart(),
                extentEnd.isAfter(row.extentEnd()) ? extentEnd : row.extentEnd(), ids, null, null);
    }

    TrendLine running(BigDecimal runningTotal, Qualifier runningQualifier) {
        return new TrendLine(metric, bucketName, bucket, placement, basis, total, qualifier, unit, extentStart,
                extentEnd, figureIds, runningTotal, runningQualifier);
    }

    List<Object> cells() {
        return List.of(metric, bucketName, bucket == null ? "" : bucket.from(), bucket == null ? "" : bucket.to(),
                placement, basis.code(), total.toPlainString(), qualifier.code(), qualifier.phrase(total), unit,
                figureIds.size(), extentStart, extentEnd, String.join(";", figureIds),
                runningTotal == null ? "" : runningTotal.toPlainString(),
                runningQualifier == null ? "" : runningQualifier.code(),
                runningTotal == null ? "" : runningQualifier.phrase(runningTotal));
    }
}
