package org.programmeledger.analytics.trend;

import java.time.LocalDate;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Side;

/**
 * One figure of the metric, placed in the bucket its extent lies inside, or in none ({@code bucket} null)
 * when the extent spans buckets or starts before the series does, or when the metric is never added.
 */
record TrendRow(ReportingPeriod bucket, Basis basis, Aggregation aggregation, String unit, Side side,
                StatedFigure figure) {

    static TrendRow placed(Bucket buckets, LocalDate seriesStart, Basis basis, Aggregation aggregation, String unit,
                           Side side, StatedFigure figure) {
        ReportingPeriod bucket = buckets.of(figure.extentStart());
        boolean inside = Combination.adds(aggregation) && bucket.contains(figure.extentStart(), figure.extentEnd())
                && !figure.extentStart().isBefore(seriesStart);
        return new TrendRow(inside ? bucket : null, basis, aggregation, unit, side, figure);
    }
}
