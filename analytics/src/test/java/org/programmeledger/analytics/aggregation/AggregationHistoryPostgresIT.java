package org.programmeledger.analytics.aggregation;

import org.programmeledger.ledgertest.OnPostgres;

/** The history of issue #18 on PostgreSQL: the same files, line by line. */
@OnPostgres
class AggregationHistoryPostgresIT extends AggregationHistoryIT {
}
