package org.programmeledger.ledger.figure;

import java.math.BigDecimal;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.registry.CatalogueEntry;
import org.programmeledger.ledger.registry.CatalogueLookup;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;

/** The rules every figure and every value of a figure obeys, whatever it belongs to. */
public final class FigureRules {

    private FigureRules() {
    }

    /** A value is a non-negative number with a qualifier; "between" needs a high end above it, nothing else has one. */
    public static void requireValue(BigDecimal value, BigDecimal high, Qualifier qualifier, String what) {
        Rules.require(value != null, "the value of " + what + " is required");
        Rules.require(value.signum() >= 0, () -> "the value of " + what + " is negative (" + value.toPlainString()
                + "); a figure counts something and cannot be below zero");
        Rules.require(qualifier != null, "the qualifier of " + what + " is required");
        if (qualifier.isRange()) {
            Rules.require(high != null, what + " is \"between\" two values and needs its high end (value_high)");
            Rules.require(high.compareTo(value) > 0, () -> "the high end of " + what + " (" + high.toPlainString()
                    + ") must be above its low end (" + value.toPlainString() + ")");
        } else {
            Rules.require(high == null, () -> what + " has a high end (" + high + ") but is \"" + qualifier.code()
                    + "\"; only \"between\" takes one");
        }
    }

    /** What a part-of rule compares of a figure. */
    public record Counted(String figureId, String metric, String unit, BigDecimal value, Qualifier qualifier) {
    }

    /**
     * A figure inside another is counted once: the whole exists where the part is recorded (null when it does
     * not), counts the same metric in the same unit, and is not smaller when both are exact.
     */
    public static void requirePartOf(Counted part, Counted whole, String partOf, String where) {
        Rules.require(whole != null, "figure " + part.figureId() + " is part of figure " + partOf
                + ", which is not recorded in " + where + "; record it first");
        Rules.require(!partOf.equals(part.figureId()), "figure " + partOf + " cannot be part of itself");
        Rules.require(whole.metric().equals(part.metric()) && whole.unit().equals(part.unit()),
                "figure " + part.figureId() + " counts " + part.metric() + " in " + part.unit() + ", but figure "
                        + partOf + " counts " + whole.metric() + " in " + whole.unit()
                        + "; a figure is part only of one of the same metric and unit");
        Rules.require(!(part.qualifier() == Qualifier.EXACTLY && whole.qualifier() == Qualifier.EXACTLY
                        && part.value().compareTo(whole.value()) > 0), "figure " + part.figureId() + " ("
                + part.value().toPlainString() + ") is larger than figure " + partOf + " ("
                + whole.value().toPlainString() + ") that it is part of");
    }

    /**
     * The metric's aggregation from the catalogue, after checking that the catalogue knows the metric and the
     * unit and that the basis agrees; null while the ledger has no catalogue yet (a ledger begun before it). A
     * refusal is checked against the catalogue as stored: the entry may have been held in memory while another
     * node amended it (an acceptance needs no such check: the store refuses to append it, see JdbcRegistry).
     */
    public static Aggregation requireCatalogued(Registry registry, String metric, String unit, Basis basis,
                                                String what) {
        CatalogueLookup lookup = registry.metric(metric);
        try {
            return requireCatalogued(lookup, registry, metric, unit, basis, what);
        } catch (LedgerRuleViolation refused) {
            CatalogueLookup stored = registry.metricAsStored(metric);
            if (stored.equals(lookup)) {
                throw refused;
            }
            return requireCatalogued(stored, registry, metric, unit, basis, what);
        }
    }

    private static Aggregation requireCatalogued(CatalogueLookup lookup, Registry registry, String metric,
                                                 String unit, Basis basis, String what) {
        if (lookup.entry().isEmpty()) {
            if (lookup.catalogueBegun()) {
                throw new LedgerRuleViolation("metric " + metric + " of " + what + " is not in the catalogue; "
                        + "known metrics: " + String.join(", ", registry.metrics()));
            }
            return null;
        }
        CatalogueEntry metricEntry = lookup.entry().get();
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
