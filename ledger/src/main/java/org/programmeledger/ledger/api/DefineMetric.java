package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a metric to the catalogue (re-sending the same definition changes nothing). */
public record DefineMetric(String metricId, String label, List<String> units, Aggregation aggregation,
                           boolean chartable, String description, String source) {

    /** Metrics share the event store with other aggregates, so their identifiers get a prefix of their own. */
    @TargetAggregateIdentifier
    public String catalogueEntry() {
        return MetricDefined.catalogueEntry(metricId);
    }
}
