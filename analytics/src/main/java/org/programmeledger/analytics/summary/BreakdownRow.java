package org.programmeledger.analytics.summary;

import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;

/** One figure under one heading of a breakdown: an area, a lead organisation of its item, or its side. */
record BreakdownRow(String dimension, String heading, boolean spanning, String metric, String unit, Basis basis,
                    Aggregation aggregation, StatedFigure figure) {

    /** Figures are combined only under the same heading, metric, unit and basis, inside the period. */
    boolean combinesWith(BreakdownRow other) {
        return !spanning && !other.spanning && dimension.equals(other.dimension) && heading.equals(other.heading)
                && metric.equals(other.metric) && unit.equals(other.unit) && basis == other.basis
                && aggregation == other.aggregation;
    }
}
