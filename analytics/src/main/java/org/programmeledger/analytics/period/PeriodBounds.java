package org.programmeledger.analytics.period;

import java.sql.Date;
import org.springframework.jdbc.core.PreparedStatementSetter;

/** Binds a period's bounds to the placeholders of a query. */
public final class PeriodBounds {

    private PeriodBounds() {
    }

    /**
     * @param order one letter per placeholder: {@code f} for the first day of the period, {@code t} for the last
     */
    public static PreparedStatementSetter bind(ReportingPeriod period, String order) {
        return statement -> {
            for (int i = 0; i < order.length(); i++) {
                statement.setDate(i + 1, Date.valueOf(order.charAt(i) == 'f' ? period.from() : period.to()));
            }
        };
    }
}
