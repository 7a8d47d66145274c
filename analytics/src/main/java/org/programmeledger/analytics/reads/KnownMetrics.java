package org.programmeledger.analytics.reads;

import java.util.List;

/**
 * The metrics a job or chart may be asked for, and what to call them. One small surface so that the
 * metric catalogue can take the place of the metrics the views hold figures of.
 */
public interface KnownMetrics {

    /** Every metric a job may be run for, sorted. */
    List<String> ids();

    /** Whether a job may be run for the metric: as {@code ids().contains(metric)}, without listing them all. */
    default boolean has(String metric) {
        return ids().contains(metric);
    }

    /** The metrics that may be drawn as a trend chart, sorted: chartable ones that have figures to draw. */
    List<String> chartable();

    /** The name a chart or a file gives the metric. */
    String label(String metric);
}
