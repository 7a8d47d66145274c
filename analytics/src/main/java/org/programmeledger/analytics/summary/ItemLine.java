package org.programmeledger.analytics.summary;

import java.util.List;
import java.util.Locale;
import org.programmeledger.analytics.reads.ReportingPeriod;

/**
 * An item of a plan period that overlaps the period, with its activities inside the period. The views
 * keep an item's status as it stands now, not its history, so the status is the one at the ledger
 * position the summary was built from, which for a past period is at or after its end.
 */
record ItemLine(ReportingPeriod period, String planPeriod, int item, String title, String area, String lead,
                boolean newInPlanPeriod, String status, int activitiesWithin, int activitiesSpanning) {

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "plan_period", "item",
            "item_title", "area", "lead_organisations", "new_in_plan_period", "status_now", "activities_within",
            "activities_spanning");

    List<Object> cells() {
        return List.of(period.name(), period.from(), period.to(), planPeriod, item, title, area == null ? "" : area,
                lead, newInPlanPeriod ? "yes" : "no", status.toLowerCase(Locale.ROOT), activitiesWithin,
                activitiesSpanning);
    }
}
