package org.programmeledger.analytics.summary;

import org.programmeledger.ledgertest.OnPostgres;

/** The early dates on PostgreSQL. */
@OnPostgres
class EarlyDatesPostgresIT extends EarlyDatesIT {
}
