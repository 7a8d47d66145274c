package org.programmeledger.analytics.facade;

import java.util.List;
import java.util.Optional;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The periods jobs and outputs are built for: the plan periods in the views, or calendar periods. */
@Component
public class Periods {

    private final ReportingPeriods periods;

    Periods(ReportingPeriods periods) {
        this.periods = periods;
    }

    /** The plan periods of a store opened without the application (a glance at the embedded store). */
    public static List<String> planPeriodIdsIn(JdbcTemplate jdbc) {
        return new ReportingPeriods(jdbc).planPeriodIds();
    }

    public Optional<ReportingPeriod> find(String name) {
        return periods.find(name);
    }

    /** A plan period by id, else a calendar period ({@link ReportingPeriod#parse}); plan period ids win. */
    public ReportingPeriod require(String name) {
        return periods.require(name);
    }

    public List<String> planPeriodIds() {
        return periods.planPeriodIds();
    }
}
