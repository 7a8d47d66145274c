package org.programmeledger.analytics.period;

import java.sql.Date;
import java.util.Map;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * A query on a period, written with the named bounds {@code :first_day} and {@code :last_day}, as JDBC runs it:
 * the SQL with its placeholders and the days bound to them in order.
 */
public record PeriodBounds(String sql, PreparedStatementSetter days) {

    public static PeriodBounds of(String namedSql, ReportingPeriod period) {
        NamedQuery query = NamedQuery.of(namedSql, Map.of("first_day", Date.valueOf(period.from()),
                "last_day", Date.valueOf(period.to())));
        return new PeriodBounds(query.sql(), query.values());
    }
}
