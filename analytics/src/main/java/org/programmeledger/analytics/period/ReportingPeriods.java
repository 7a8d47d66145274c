package org.programmeledger.analytics.period;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds the bounds of a period by name: a plan period the ledger holds, or a calendar period or range. */
@Component
public class ReportingPeriods {

    private final JdbcTemplate jdbc;

    public ReportingPeriods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReportingPeriod> find(String name) {
        return jdbc.query("SELECT period_id, starts_on, ends_on FROM view_period WHERE period_id = ?",
                (row, n) -> new ReportingPeriod(row.getString(1), row.getObject(2, LocalDate.class),
                        row.getObject(3, LocalDate.class)), name).stream().findFirst();
    }

    /** A plan period by id, else a calendar period ({@link ReportingPeriod#parse}); plan period ids win. */
    public ReportingPeriod require(String name) {
        return find(name).orElseGet(() -> {
            try {
                return ReportingPeriod.parse(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; plan periods in the ledger: "
                        + String.join(", ", planPeriodIds()), e);
            }
        });
    }

    public List<String> planPeriodIds() {
        return jdbc.queryForList("SELECT period_id FROM view_period ORDER BY starts_on, period_id", String.class);
    }
}
