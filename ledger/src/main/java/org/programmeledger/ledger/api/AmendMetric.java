package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a metric's catalogue entry, giving the reason; units are only added, since figures name them. */
public record AmendMetric(String metricId, String label, List<String> units, Aggregation aggregation,
                          boolean chartable, String description, String reason) {

    @TargetAggregateIdentifier
    public String catalogueEntry() {
        return MetricDefined.catalogueEntry(metricId);
    }
}
