package org.programmeledger.analytics.summary;

import org.programmeledger.analytics.aggregation.LinePart;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;

/**
 * Figures under one heading of a breakdown (an area, a lead organisation of their item, or their side): those of
 * a line that the database added up, or one figure.
 */
record BreakdownRow(String dimension, String heading, boolean spanning, String metric, String unit, Basis basis,
                    Aggregation aggregation, LinePart part) {

    /** Figures are combined only under the same heading, metric, unit and basis, inside the period. */
    boolean combinesWith(BreakdownRow other) {
        return !spanning && !other.spanning && dimension.equals(other.dimension) && heading.equals(other.heading)
                && metric.equals(other.metric) && unit.equals(other.unit) && basis == other.basis
                && aggregation == other.aggregation;
    }
}
