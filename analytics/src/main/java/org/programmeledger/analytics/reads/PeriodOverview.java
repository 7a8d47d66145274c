package org.programmeledger.analytics.reads;

import java.util.List;

/** A plan period at a glance, as the views hold it now. */
public record PeriodOverview(String programmeName, String periodId, String label, int items, int completedItems,
                             List<Integer> newItems, int activities, int figures) {
}
