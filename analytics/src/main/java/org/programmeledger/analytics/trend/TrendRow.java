package org.programmeledger.analytics.trend;

import org.programmeledger.analytics.aggregation.LinePart;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Side;

/**
 * Figures of the metric in the bucket their extents lie inside (those the database added up, or one of them
 * read on its own), or one figure in no bucket ({@code bucket} null) when its extent spans buckets or starts
 * before the series does, or when the metric is never added.
 */
record TrendRow(ReportingPeriod bucket, Basis basis, Aggregation aggregation, String unit, Side side,
                LinePart part) {
}
