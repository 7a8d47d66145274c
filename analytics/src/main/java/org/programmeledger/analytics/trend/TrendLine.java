package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.analytics.aggregation.Aggregation;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;

/**
 * A line of a trend series: the total of the flow figures inside one bucket with the running total of
 * such buckets so far ({@code within}); a flow figure spanning buckets, whole ({@code spanning}); or a
 * figure of a metric that is never added (a running total, a level, a ratio, a distinct count) as recorded
 * ({@code recorded-point}). Totals keep their bounds ({@link Bound}).
 */
record TrendLine(String metric, String bucketName, ReportingPeriod bucket, String placement, Basis basis,
                 Aggregation aggregation, Bound total, String unit, LocalDate extentStart, LocalDate extentEnd,
                 List<String> figureIds, Bound running) {

    static final List<String> HEADER = List.of("metric", "bucket", "bucket_start", "bucket_end", "placement",
            "basis", "total", "qualifier", "stated_as", "unit", "figures", "extent_start", "extent_end", "figure_ids",
            "running_total", "running_qualifier", "running_stated_as", "aggregation", "total_high",
            "running_total_high");

    static TrendLine within(String metric, TrendRow row) {
        return new TrendLine(metric, row.bucket().name(), row.bucket(), "within", row.basis(), row.aggregation(),
                row.bound(), row.unit(), row.extentStart(), row.extentEnd(), List.of(row.figureId()), null);
    }

    static TrendLine apart(String metric, TrendRow row) {
        return new TrendLine(metric, "", null, row.aggregation().adds() ? "spanning" : "recorded-point",
                row.basis(), row.aggregation(), row.bound(), row.unit(), row.extentStart(), row.extentEnd(),
                List.of(row.figureId()), null);
    }

    boolean takes(TrendRow row) {
        return bucket.equals(row.bucket()) && unit.equals(row.unit());
    }

    TrendLine plus(TrendRow row) {
        List<String> ids = new ArrayList<>(figureIds);
        ids.add(row.figureId());
        return new TrendLine(metric, bucketName, bucket, placement, basis, aggregation, total.plus(row.bound()),
                unit, extentStart.isBefore(row.extentStart()) ? extentStart : row.extentStart(),
                extentEnd.isAfter(row.extentEnd()) ? extentEnd : row.extentEnd(), ids, null);
    }

    TrendLine running(Bound running) {
        return new TrendLine(metric, bucketName, bucket, placement, basis, aggregation, total, unit, extentStart,
                extentEnd, figureIds, running);
    }

    List<Object> cells() {
        return List.of(metric, bucketName, bucket == null ? "" : bucket.from(), bucket == null ? "" : bucket.to(),
                placement, basis.code(), plain(total.value()), total.kind().code(), total.phrase(), unit,
                figureIds.size(), extentStart, extentEnd, String.join(";", figureIds),
                running == null ? "" : plain(running.value()), running == null ? "" : running.kind().code(),
                running == null ? "" : running.phrase(), aggregation.code(), plain(total.high()),
                running == null ? "" : plain(running.high()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
