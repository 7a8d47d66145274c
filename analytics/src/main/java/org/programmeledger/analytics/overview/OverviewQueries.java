package org.programmeledger.analytics.overview;

import java.util.List;
import org.programmeledger.analytics.reads.PeriodOverview;
import org.programmeledger.analytics.reads.ViewReads;
import org.springframework.stereotype.Component;

/** Counts for the one-screen summaries of the command line. */
@Component
public class OverviewQueries {

    private final ViewReads reads;

    OverviewQueries(ViewReads reads) {
        this.reads = reads;
    }

    public List<PeriodOverview> periods() {
        return reads.periods().stream().map(period -> {
            ViewReads.PeriodCounts counts = reads.counts(period.periodId());
            return new PeriodOverview(period.programmeName(), period.periodId(), period.label(), counts.items(),
                    counts.completedItems(), counts.newItems(), counts.activities(), counts.figures());
        }).toList();
    }
}
