package org.programmeledger.dashboards.views;

import java.time.LocalDate;

/**
 * A plan period of a programme, as the views hold it.
 *
 * @param status      DRAFT, SUBMITTED, APPROVED or PUBLISHED
 * @param publication the latest publication's number, or null
 */
public record PeriodView(String periodId, String programmeName, String label, LocalDate startsOn, LocalDate endsOn,
                         String status, Integer publication, Long publishedPosition, boolean changedSincePublication) {
}
