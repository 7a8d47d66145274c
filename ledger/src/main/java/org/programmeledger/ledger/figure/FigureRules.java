package org.programmeledger.ledger.figure;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.SortedSet;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.registry.CatalogueEntry;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;

/** The rules every figure and every value of a figure obeys, whatever it belongs to. */
public final class FigureRules {

    private FigureRules() {
    }

    /** A value is a non-negative number with a qualifier; "between" needs a high end above it, nothing else has one. */
    public static void requireValue(BigDecimal value, BigDecimal high, Qualifier qualifier, String what) {
        Rules.require(value != null, "the value of " + what + " is required");
        Rules.require(value.signum() >= 0, "the value of " + what + " is negative (" + value.toPlainString()
                + "); a figure counts something and cannot be below zero");
        Rules.require(qualifier != null, "the qualifier of " + what + " is required");
        if (qualifier.isRange()) {
            Rules.require(high != null, what + " is \"between\" two values and needs its high end (value_high)");
            Rules.require(high.compareTo(value) > 0, "the high end of " + what + " (" + high.toPlainString()
                    + ") must be above its low end (" + value.toPlainString() + ")");
        } else {
            Rules.require(high == null, what + " has a high end (" + high + ") but is \"" + qualifier.code()
                    + "\"; only \"between\" takes one");
        }
    }

    /**
     * The metric's aggregation from the catalogue, after checking that the catalogue knows the metric and the
     * unit and that the basis agrees; null while the ledger has no catalogue yet (a ledger begun before it).
     */
    public static Aggregation requireCatalogued(Registry registry, String metric, String unit, Basis basis,
                                                String what) {
        Optional<CatalogueEntry> entry = registry.metric(metric);
        if (entry.isEmpty()) {
            SortedSet<String> known = registry.metrics();
            Rules.require(known.isEmpty(), "metric " + metric + " of " + what + " is not in the catalogue; "
                    + "known metrics: " + String.join(", ", known));
            return null;
        }
        CatalogueEntry metricEntry = entry.get();
        Rules.require(metricEntry.units().contains(unit), "unit " + unit + " of " + what + " is not a unit of metric "
                + metric + "; its units: " + String.join(", ", metricEntry.units()));
        Aggregation aggregation = metricEntry.aggregation();
        Rules.require(aggregation != Aggregation.CUMULATIVE || basis == Basis.CUMULATIVE, "metric " + metric
                + " is a running total in the catalogue, so " + what + " has the basis cumulative, not " + basis.code());
        Rules.require(aggregation != Aggregation.SUM || basis == Basis.FLOW, "metric " + metric
                + " adds up within a period in the catalogue, so " + what + " has the basis flow, not " + basis.code());
        return aggregation;
    }
}
