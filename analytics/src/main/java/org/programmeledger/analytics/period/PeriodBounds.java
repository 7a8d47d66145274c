package org.programmeledger.analytics.period;

import java.util.Map;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * A query on a period, written with the named bounds {@code :first_day} and {@code :last_day}, as JDBC runs it:
 * the SQL with its placeholders and the days bound to them in order, as {@code LocalDate}s: a {@code java.sql.Date}
 * counts days before 1582 by the Julian calendar, which moved a period of the year 1500 nine days on.
 */
public record PeriodBounds(String sql, PreparedStatementSetter days) {

    public static PeriodBounds of(String namedSql, ReportingPeriod period) {
        NamedQuery query = NamedQuery.of(namedSql, Map.of("first_day", period.from(), "last_day", period.to()));
        return new PeriodBounds(query.sql(), query.values());
    }
}
