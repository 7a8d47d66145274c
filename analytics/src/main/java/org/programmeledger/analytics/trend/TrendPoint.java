package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.programmeledger.ledger.api.Qualifier;

/** One recorded value of a cumulative series: the running total from {@code base} up to {@code asAt}. */
public record TrendPoint(LocalDate base, LocalDate asAt, BigDecimal value, Qualifier qualifier, String unit,
                         String figureId) {
}
