package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A metric entered the catalogue: its units, how its figures aggregate, and whether it is charted. */
@Revision("1")
public record MetricDefined(String metricId, String label, List<String> units, Aggregation aggregation,
                            boolean chartable, String description, String source) {

    public static String catalogueEntry(String metricId) {
        return "metric:" + metricId;
    }
}
