package org.programmeledger.analytics.trend;

import java.time.LocalDate;
import org.programmeledger.analytics.aggregation.Aggregation;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;

/**
 * One figure of the metric, placed in the bucket its extent lies inside, or in none ({@code bucket} null)
 * when the extent spans buckets or starts before the series does, or when the metric is never added.
 */
record TrendRow(ReportingPeriod bucket, String figureId, Basis basis, Aggregation aggregation, Bound bound,
                String unit, LocalDate extentStart, LocalDate extentEnd) {

    static TrendRow placed(Bucket buckets, LocalDate seriesStart, String figureId, Basis basis,
                           Aggregation aggregation, Bound bound, String unit, LocalDate extentStart,
                           LocalDate extentEnd) {
        ReportingPeriod bucket = buckets.of(extentStart);
        boolean inside = aggregation.adds() && bucket.contains(extentStart, extentEnd)
                && !extentStart.isBefore(seriesStart);
        return new TrendRow(inside ? bucket : null, figureId, basis, aggregation, bound, unit, extentStart,
                extentEnd);
    }
}
