package org.programmeledger.analytics.facade;

import java.util.List;
import org.programmeledger.analytics.overview.OverviewQueries;
import org.programmeledger.analytics.reads.PeriodOverview;
import org.springframework.stereotype.Component;

/** Every plan period at a glance, as the overview page and the demo show it. */
@Component
public class Overview {

    private final OverviewQueries queries;

    Overview(OverviewQueries queries) {
        this.queries = queries;
    }

    public List<PeriodOverview> periods() {
        return queries.periods();
    }
}
