package org.programmeledger.analytics.summary;

import org.programmeledger.ledgertest.OnPostgres;

/** The hostile history on PostgreSQL, which orders headings and ids by its own collation. */
@OnPostgres
class HostileSummaryHistoryPostgresIT extends HostileSummaryHistoryIT {
}
