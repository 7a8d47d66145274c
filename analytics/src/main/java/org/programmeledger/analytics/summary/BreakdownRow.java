package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;

/** One figure under one heading of a breakdown: an area, a lead organisation of its item, or its side. */
record BreakdownRow(String dimension, String heading, boolean spanning, String metric, String unit, Basis basis,
                    BigDecimal value, Qualifier qualifier, String figureId, LocalDate extentStart,
                    LocalDate extentEnd) {

    /** Figures are summed only under the same heading, metric, unit and basis, inside the period. */
    boolean sumsWith(BreakdownRow other) {
        return !spanning && !other.spanning && dimension.equals(other.dimension) && heading.equals(other.heading)
                && metric.equals(other.metric) && unit.equals(other.unit) && basis == other.basis;
    }
}
