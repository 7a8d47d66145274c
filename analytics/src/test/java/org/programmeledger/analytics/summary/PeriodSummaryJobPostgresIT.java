package org.programmeledger.analytics.summary;

import org.programmeledger.ledgertest.OnPostgres;

/** The period-summary job's tests on PostgreSQL, Spring Batch's job repository included. */
@OnPostgres
class PeriodSummaryJobPostgresIT extends PeriodSummaryJobIT {
}
