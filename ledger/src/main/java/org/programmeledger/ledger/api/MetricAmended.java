package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A metric's catalogue entry changed; the entry as it now stands, and why. */
@Revision("1")
public record MetricAmended(String metricId, String label, List<String> units, Aggregation aggregation,
                            boolean chartable, String description, String reason) implements ExplainedEvent {
}
