package org.programmeledger.analytics.views;

import org.programmeledger.ledgertest.OnPostgres;

/** The same stops on PostgreSQL. */
@OnPostgres
class ViewRebuildStoppedPostgresIT extends ViewRebuildStoppedIT {
}
