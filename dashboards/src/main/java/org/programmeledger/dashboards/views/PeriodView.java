package org.programmeledger.dashboards.views;

import java.time.LocalDate;

/** A plan period of a programme, as the views hold it. */
public record PeriodView(String periodId, String programmeName, String label, LocalDate startsOn, LocalDate endsOn) {
}
