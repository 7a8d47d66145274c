package org.programmeledger.analytics.reads;

import java.util.List;

/** A metric of the catalogue as the views hold it; {@code aggregation} is its code ({@code sum}, ...). */
public record CatalogueMetric(String metricId, String label, List<String> units, String aggregation,
                              boolean chartable, String description) {
}
