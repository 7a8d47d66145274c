package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * One figure of the metric, placed in the bucket its extent lies inside, or in none ({@code bucket} null)
 * when the extent spans buckets or starts before the series does.
 */
record TrendRow(ReportingPeriod bucket, String figureId, Basis basis, BigDecimal value, Qualifier qualifier,
                String unit, Side side, LocalDate extentStart, LocalDate extentEnd) {

    static TrendRow placed(Bucket buckets, LocalDate seriesStart, String figureId, Basis basis, BigDecimal value,
                           Qualifier qualifier, String unit, Side side, LocalDate extentStart, LocalDate extentEnd) {
        ReportingPeriod bucket = buckets.of(extentStart);
        boolean inside = basis == Basis.FLOW && bucket.contains(extentStart, extentEnd)
                && !extentStart.isBefore(seriesStart);
        return new TrendRow(inside ? bucket : null, figureId, basis, value, qualifier, unit, side, extentStart,
                extentEnd);
    }
}
