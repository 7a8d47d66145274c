package org.programmeledger.analytics.summary;

import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;

/**
 * What a line of the breakdown is about: a heading (an area, a lead organisation of the figures' item, or their
 * side), a metric, unit, basis and aggregation, inside the period or reaching beyond it.
 */
record BreakdownRow(String dimension, String heading, boolean spanning, String metric, String unit, Basis basis,
                    Aggregation aggregation) {
}
