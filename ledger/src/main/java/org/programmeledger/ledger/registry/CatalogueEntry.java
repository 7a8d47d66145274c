package org.programmeledger.ledger.registry;

import java.util.List;
import org.programmeledger.ledger.api.Aggregation;

/** What the rules of the ledger need to know of a metric of the catalogue. */
public record CatalogueEntry(String metricId, List<String> units, Aggregation aggregation) {
}
